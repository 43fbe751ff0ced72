using NodaTime;

namespace Microneedling.Domain.Availability;

/// <summary>
/// How clinic wall-clock times become instants across daylight-saving changes. Offered start
/// times: a time skipped by a spring-forward gap does not exist and is never offered; a time that
/// happens twice in an autumn overlap is offered once, at its earlier occurrence. Working-hours
/// ends: a skipped end moves forward past the gap; an ambiguous end is its later occurrence.
/// </summary>
public static class ClinicTimeResolution
{
    public static Instant? OfferedStart(DateTimeZone zone, LocalDateTime local)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var mapping = zone.MapLocal(local);
        return mapping.Count == 0 ? null : mapping.First().ToInstant();
    }

    public static Instant WorkingEnd(DateTimeZone zone, LocalDateTime local)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var mapping = zone.MapLocal(local);
        return mapping.Count switch
        {
            0 => zone.AtLeniently(local).ToInstant(),
            _ => mapping.Last().ToInstant(),
        };
    }
}
