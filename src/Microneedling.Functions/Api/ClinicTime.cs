using Microneedling.Domain.Clinics;
using NodaTime;
using NodaTime.Text;

namespace Microneedling.Functions.Api;

/// <summary>
/// How the API writes times and dates: RFC 3339 with the clinic's offset at that instant, always
/// as <c>Z</c> or a full <c>+hh:mm</c> (JavaScript's <c>Date</c> refuses ISO 8601's short <c>+01</c>).
/// </summary>
public static class ClinicTime
{
    private static readonly OffsetDateTimePattern Pattern = OffsetDateTimePattern.Rfc3339;

    public static string Format(Clinic clinic, Instant instant) => Format(clinic.TimeZone, instant);

    public static string Format(DateTimeZone zone, Instant instant)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Pattern.Format(instant.InZone(zone).ToOffsetDateTime());
    }

    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
