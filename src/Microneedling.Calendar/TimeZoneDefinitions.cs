using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;
using NodaTime.TimeZones;
using Duration = NodaTime.Duration;

namespace Microneedling.Calendar;

/// <summary>
/// VTIMEZONE components from NodaTime's IANA rules: one observance per offset in force during a
/// window, each starting at its real transition. Ical.Net's own generator is not used: it writes
/// Europe/Dublin wrong (both sections STANDARD, the GMT one from +0200 to +0100).
/// </summary>
internal static class TimeZoneDefinitions
{
    private static readonly CalDateTime NoKnownStart = new(1970, 1, 1, 0, 0, 0, null);

    public static VTimeZone For(DateTimeZone zone, Instant from, Instant to)
    {
        var definition = new VTimeZone(zone.Id);
        foreach (var interval in zone.GetZoneIntervals(from, to))
        {
            var before = interval.HasStart ? zone.GetUtcOffset(interval.Start - Duration.Epsilon) : interval.WallOffset;
            definition.TimeZoneInfos.Add(new VTimeZoneInfo(IsDaylight(zone, interval) ? Components.Daylight : Components.Standard)
            {
                DtStart = interval.HasStart ? Floating(interval.Start.WithOffset(before).LocalDateTime) : NoKnownStart,
                OffsetFrom = new UtcOffset(before.ToTimeSpan()),
                OffsetTo = new UtcOffset(interval.WallOffset.ToTimeSpan()),
                TimeZoneName = interval.Name,
            });
        }

        return definition;
    }

    /// <summary>
    /// DAYLIGHT for the summer offset, STANDARD for the winter one, as clients expect (and as
    /// Windows and the IANA "rearguard" data have it). The IANA data gives Europe/Dublin negative
    /// savings in winter, since its legal standard time is the summer one: that winter is STANDARD
    /// here, and the summer next to it DAYLIGHT.
    /// </summary>
    internal static bool IsDaylight(DateTimeZone zone, ZoneInterval interval)
    {
        if (interval.Savings != Offset.Zero)
        {
            return interval.Savings > Offset.Zero;
        }

        return (interval.HasStart && NegativeSavingsBelow(zone.GetZoneInterval(interval.Start - Duration.Epsilon), interval))
            || (interval.HasEnd && NegativeSavingsBelow(zone.GetZoneInterval(interval.End), interval));
    }

    private static bool NegativeSavingsBelow(ZoneInterval neighbour, ZoneInterval interval) =>
        neighbour.Savings < Offset.Zero && neighbour.WallOffset < interval.WallOffset;

    private static CalDateTime Floating(LocalDateTime local) =>
        new(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, null);
}
