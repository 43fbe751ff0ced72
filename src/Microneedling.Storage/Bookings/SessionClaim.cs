using System.Globalization;
using Microneedling.Domain.Clinics;
using NodaTime;
using NodaTime.Extensions;


namespace Microneedling.Storage.Bookings;

/// <summary>A session's hold on a practitioner's time, from its start to the end of its buffer.</summary>
public sealed record SessionClaim(string PractitionerId, string BookingId, int SessionNumber, string LocationId, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset BlockedUntil)
{
    public IEnumerable<DateTimeOffset> Blocks =>
        ScheduleBlock.Covering(Start.ToInstant(), BlockedUntil.ToInstant()).Select(b => b.ToDateTimeOffset());

    /// <summary>Same session at the same time: the claim a retried or resumed write would make again.</summary>
    public bool SameAs(string bookingId, int sessionNumber, DateTimeOffset start) =>
        BookingId == bookingId && SessionNumber == sessionNumber && Start == start;

    internal string Serialize() => string.Join('|', PractitionerId, BookingId, SessionNumber.ToString(CultureInfo.InvariantCulture), LocationId,
        Start.UtcTicks.ToString(CultureInfo.InvariantCulture), End.UtcTicks.ToString(CultureInfo.InvariantCulture), BlockedUntil.UtcTicks.ToString(CultureInfo.InvariantCulture));

    internal static SessionClaim Parse(string text)
    {
        var p = text.Split('|');
        static DateTimeOffset At(string ticks) => new(long.Parse(ticks, CultureInfo.InvariantCulture), TimeSpan.Zero);
        return new SessionClaim(p[0], p[1], int.Parse(p[2], CultureInfo.InvariantCulture), p[3], At(p[4]), At(p[5]), At(p[6]));
    }
}

public enum ClaimOutcome
{
    Claimed,

    /// <summary>Another booking holds some of the time.</summary>
    Taken,
}
