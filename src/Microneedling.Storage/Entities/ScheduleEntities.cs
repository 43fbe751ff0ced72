using System.Globalization;
using Microneedling.Storage.Bookings;

namespace Microneedling.Storage.Entities;

/// <summary>
/// One practitioner's sessions on one UTC day: partition = practitioner, row = <c>yyyyMMdd</c>. A
/// session is listed on every day its time (buffer included) touches, so reading a range of days
/// finds everything overlapping it.
/// </summary>
public sealed class ScheduleDayEntity : EntityBase
{
    /// <summary>Well inside the 32K-character limit of a string property: a day of 5-minute sessions needs under 30K.</summary>
    private const int MaxLength = 32_000;

    /// <summary>The sessions, one <see cref="SessionClaim"/> per line.</summary>
    public string Sessions { get; set; } = string.Empty;

    public IEnumerable<SessionClaim> Read() =>
        Sessions.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(SessionClaim.Parse);

    public static string Write(IEnumerable<SessionClaim> sessions)
    {
        var text = string.Join('\n', sessions.OrderBy(s => s.Start).ThenBy(s => s.BookingId, StringComparer.Ordinal).ThenBy(s => s.SessionNumber).Select(s => s.Serialize()));
        return text.Length <= MaxLength ? text : throw new InvalidOperationException("A practitioner's day cannot hold this many sessions.");
    }

    public static string Key(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The days [from, to) touches.</summary>
    public static IEnumerable<string> Keys(DateTimeOffset from, DateTimeOffset to)
    {
        for (var day = from.UtcDateTime.Date; day < to.UtcDateTime; day = day.AddDays(1))
        {
            yield return day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        }
    }
}
