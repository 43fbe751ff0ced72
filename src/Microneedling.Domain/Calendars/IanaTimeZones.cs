using Microneedling.Calendar;
using NodaTime;

namespace Microneedling.Domain.Calendars;

/// <summary>VTIMEZONE definitions from the IANA rules: one observance per offset change in the span, plus the one in force at its start.</summary>
public static class IanaTimeZones
{
    private static readonly DateTime NoKnownStart = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public static VTimeZone For(DateTimeZone zone, Instant from, Instant to)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var observances = new List<TimeZoneObservance>();
        foreach (var interval in zone.GetZoneIntervals(from, to))
        {
            if (interval.HasStart)
            {
                var before = zone.GetUtcOffset(interval.Start - Duration.Epsilon);
                observances.Add(new TimeZoneObservance(
                    interval.Savings != Offset.Zero,
                    interval.Start.WithOffset(before).LocalDateTime.ToDateTimeUnspecified(),
                    before.ToTimeSpan(),
                    interval.WallOffset.ToTimeSpan(),
                    interval.Name));
            }
            else
            {
                observances.Add(new TimeZoneObservance(interval.Savings != Offset.Zero, NoKnownStart,
                    interval.WallOffset.ToTimeSpan(), interval.WallOffset.ToTimeSpan(), interval.Name));
            }
        }

        return new VTimeZone(zone.Id, observances);
    }
}
