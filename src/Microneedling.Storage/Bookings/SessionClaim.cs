using System.Globalization;

namespace Microneedling.Storage.Bookings;

/// <summary>A session's hold on a practitioner's time, from its start to the end of its buffer.</summary>
public sealed record SessionClaim(string PractitionerId, string BookingId, int SessionNumber, string LocationId, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset BlockedUntil)
{
    /// <summary>Same session at the same time: the claim a retried or resumed write would make again.</summary>
    public bool SameAs(SessionClaim other) =>
        other is not null && BookingId == other.BookingId && SessionNumber == other.SessionNumber && Start == other.Start;

    /// <summary>Whether the two hold some of the same time (touching ends do not).</summary>
    public bool Overlaps(SessionClaim other) =>
        other is not null && Start < other.BlockedUntil && other.Start < BlockedUntil;

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
