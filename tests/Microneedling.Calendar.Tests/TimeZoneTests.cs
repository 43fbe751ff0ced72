using System.Globalization;
using Microneedling.Domain.Calendars;
using Microneedling.Testing;
using NodaTime;
using static Microneedling.Calendar.Tests.SessionCalendarFixtures;

namespace Microneedling.Calendar.Tests;

/// <summary>
/// Every time in a file, resolved by ical.js through the file's own VTIMEZONE, is the real instant:
/// clinics in zones with negative savings (Dublin), the usual hour (London, New York), a half-hour
/// shift (Lord Howe) and none (Kolkata), across each change of 2027 and inside autumn overlaps.
/// </summary>
public class TimeZoneTests
{
    public static readonly TheoryData<string> Zones = ["Europe/Dublin", "Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"];

    [Theory]
    [MemberData(nameof(Zones))]
    public void Each_session_is_its_real_instant_to_ical_js_alone_and_in_a_series(string zoneId)
    {
        var clinic = TestClinic.Build(TestClinic.Settings(zoneId));
        var starts = Starts(clinic.TimeZone);
        var sessions = starts.Select((start, i) => Session(start: start, id: $"ses_{i}")).ToList();
        var files = sessions.Select(s => CalendarFiles.ToBytes(SessionCalendars.ForSession(clinic, s, Now)))
            .Append(CalendarFiles.ToBytes(SessionCalendars.ForBooking(clinic, sessions, Now))).ToArray();

        var parsed = IcalJs.Parse(files);

        var alone = parsed.Take(sessions.Count).Select(c => Assert.Single(c.Events)).ToList();
        var series = parsed[^1].Events;
        Assert.Equal(sessions.Count, series.Count);
        for (var i = 0; i < sessions.Count; i++)
        {
            AssertInstants(clinic.TimeZone, sessions[i], alone[i]);
            AssertInstants(clinic.TimeZone, sessions[i], series[i]);
        }

        Assert.True(zoneId == "Asia/Kolkata" || starts.Any(s => Ambiguous(clinic.TimeZone, s)), "no session inside an autumn overlap");
    }

    [Theory]
    [InlineData("Europe/Dublin", "STANDARD 2026-10-25T02:00:00 +0100>+0000 GMT", "DAYLIGHT 2027-03-28T01:00:00 +0000>+0100 IST", "STANDARD 2027-10-31T02:00:00 +0100>+0000 GMT")]
    [InlineData("Europe/London", "STANDARD 2026-10-25T02:00:00 +0100>+0000 GMT", "DAYLIGHT 2027-03-28T01:00:00 +0000>+0100 BST", "STANDARD 2027-10-31T02:00:00 +0100>+0000 GMT")]
    [InlineData("America/New_York", "STANDARD 2026-11-01T02:00:00 -0400>-0500 EST", "DAYLIGHT 2027-03-14T02:00:00 -0500>-0400 EDT", "STANDARD 2027-11-07T02:00:00 -0400>-0500 EST")]
    [InlineData("Australia/Lord_Howe", "DAYLIGHT 2026-10-04T02:00:00 +1030>+1100 +11", "STANDARD 2027-04-04T02:00:00 +1100>+1030 +1030", "DAYLIGHT 2027-10-03T02:00:00 +1030>+1100 +11")]
    [InlineData("Asia/Kolkata", "STANDARD 1945-10-15T00:00:00 +0630>+0530 IST")]
    public void The_vtimezone_has_each_change_of_the_window_winter_standard_and_summer_daylight(string zoneId, params string[] expected)
    {
        var clinic = TestClinic.Build(TestClinic.Settings(zoneId));
        var year = new[] { Session(start: Instant.FromUtc(2027, 1, 11, 9, 0)), Session(start: Instant.FromUtc(2027, 12, 6, 15, 0), id: "ses_2027A-2") };

        var parsed = IcalJs.Parse(CalendarFiles.ToBytes(SessionCalendars.ForBooking(clinic, year, Now)))[0];

        Assert.Equal(expected, parsed.Observances.OrderBy(o => o.Start, StringComparer.Ordinal).Select(o => $"{o.Kind} {o.Start} {o.From}>{o.To} {o.Name}"));
        Assert.All(parsed.Observances, o => Assert.Equal(zoneId, o.TzId));
    }

    [Theory]
    [InlineData(2027, 3, 28, 0, 30, "2027-03-28T00:30:00", "Europe/London")]
    [InlineData(2027, 3, 28, 9, 0, "2027-03-28T10:00:00", "Europe/London")]
    [InlineData(2027, 6, 1, 8, 0, "2027-06-01T09:00:00", "Europe/London")]
    [InlineData(2027, 10, 31, 3, 0, "2027-10-31T03:00:00", "Europe/London")]
    [InlineData(2026, 10, 24, 22, 30, "2026-10-24T23:30:00", "Europe/London")]
    [InlineData(2026, 10, 24, 23, 30, "2026-10-24T23:30:00Z", "UTC")]
    [InlineData(2026, 10, 25, 0, 30, "2026-10-25T00:30:00Z", "UTC")]
    [InlineData(2026, 10, 25, 1, 30, "2026-10-25T01:30:00Z", "UTC")]
    public void A_time_that_happens_twice_is_written_in_utc_and_every_other_in_the_clinics_zone(int y, int m, int d, int h, int min, string local, string zone)
    {
        var start = Instant.FromUtc(y, m, d, h, min);

        var e = IcalJs.Parse(CalendarFiles.ToBytes(SessionCalendars.ForSession(Clinic, Session(start: start), Now)))[0].Events[0];

        Assert.Equal((local, zone), (e.Start!.Local, e.Start.Zone));
        Assert.Equal(Iso(start), e.Start.Utc);
        Assert.Equal(Iso(start + Duration.FromHours(1)), e.End!.Utc);
    }

    /// <summary>
    /// Sessions of an hour around each change of 2027: ending at it, straddling it, starting at it,
    /// a day later, and inside an autumn overlap (its first and its second occurrence); plus two
    /// ordinary ones in January and July.
    /// </summary>
    private static List<Instant> Starts(DateTimeZone zone)
    {
        var starts = new List<Instant> { Instant.FromUtc(2027, 1, 11, 9, 0), Instant.FromUtc(2027, 7, 12, 9, 0) };
        foreach (var interval in zone.GetZoneIntervals(Instant.FromUtc(2027, 1, 1, 0, 0), Instant.FromUtc(2028, 1, 1, 0, 0)).Skip(1))
        {
            var change = interval.Start;
            var shift = (interval.WallOffset - zone.GetUtcOffset(change - Duration.Epsilon)).ToTimeSpan();
            starts.AddRange([change - Duration.FromHours(1), change - Duration.FromMinutes(30), change, change + Duration.FromDays(1)]);
            if (shift < TimeSpan.Zero)
            {
                var half = Duration.FromTimeSpan(shift / 2);
                starts.AddRange([change + half, change - half]);
            }
        }

        return starts;
    }

    private static void AssertInstants(DateTimeZone zone, SessionCalendarDetails session, ParsedEvent e)
    {
        Assert.Equal(Iso(session.Start), e.Start!.Utc);
        Assert.Equal(Iso(session.End), e.End!.Utc);
        var inZone = !Ambiguous(zone, session.Start) && !Ambiguous(zone, session.End);
        var expected = inZone ? zone.Id : "UTC";
        Assert.True((expected, expected) == (e.Start.Zone, e.End.Zone), $"{Iso(session.Start)} was resolved in {e.Start.Zone} and {e.End.Zone}, not {expected}");
        if (inZone)
        {
            Assert.Equal(session.Start.InZone(zone).LocalDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), e.Start.Local);
        }
    }

    private static bool Ambiguous(DateTimeZone zone, Instant instant) => zone.MapLocal(instant.InZone(zone).LocalDateTime).Count > 1;

    private static string Iso(Instant instant) => instant.ToDateTimeUtc().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
