using System.Text;
using Microneedling.Domain.Calendars;
using Microneedling.Testing;
using NodaTime;
using static Microneedling.Calendar.Tests.SessionCalendarFixtures;

namespace Microneedling.Calendar.Tests;

public class SessionCalendarTests
{
    private const string Uid = "ses_2027A-1@clearskin.example";

    [Theory]
    [InlineData("invite")]
    [InlineData("update")]
    [InlineData("cancel")]
    [InlineData("plan")]
    public void Each_kind_matches_its_golden_file(string kind)
    {
        var bytes = CalendarWriter.ToBytes(Kinds[kind]);
        var golden = Path.Combine(RepositoryPaths.Root, "tests", "Microneedling.Calendar.Tests", "Golden", kind + ".ics");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(golden, bytes);
        }

        Assert.Equal(Encoding.UTF8.GetString(File.ReadAllBytes(golden)), Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Ical_js_reads_the_invite_as_the_booking()
    {
        var parsed = IcalJs.Parse(CalendarWriter.ToBytes(Kinds["invite"]))[0];

        Assert.Equal(("2.0", "REQUEST"), (parsed.Version, parsed.Method));
        Assert.Equal(["Europe/London"], parsed.TimeZones);
        var e = Assert.Single(parsed.Events);
        Assert.Equal(Uid, e.Uid);
        Assert.Equal(0, e.Sequence);
        Assert.Equal("CONFIRMED", e.Status);
        Assert.Equal(new ParsedTime("2027-01-11T09:00:00", "Europe/London", false, "2027-01-11T09:00:00.000Z"), e.Start);
        Assert.Equal("2027-01-11T10:00:00.000Z", e.End!.Utc);
        Assert.Equal("Clinic appointment", e.Summary);
        Assert.Equal("PRIVATE", e.Class);
        Assert.Equal("City, 1 High Street", e.Location);
        Assert.Equal(new ParsedUser("mailto:appointments@clearskin.example", "Clearskin Clinic", null, null, null), e.Organizer);
        var attendee = Assert.Single(e.Attendees);
        Assert.Equal(("mailto:zoe@example.com", "Zoë O'Brien", "TRUE", "NEEDS-ACTION"), (attendee.Value, attendee.Cn, attendee.Rsvp, attendee.Partstat));
        Assert.Contains("drink plenty of water", e.Description, StringComparison.Ordinal);
        Assert.Contains("Come without makeup", e.Description, StringComparison.Ordinal);
        Assert.Contains(ManageUrl.AbsoluteUri, e.Description, StringComparison.Ordinal);
        Assert.Equal(ManageUrl.AbsoluteUri, e.Url);
        Assert.Equal("2026-11-21T12:00:00Z", e.Stamp);
    }

    [Fact]
    public void An_update_keeps_the_uid_and_raises_the_sequence()
    {
        var parsed = IcalJs.Parse(CalendarWriter.ToBytes(Kinds["invite"]), CalendarWriter.ToBytes(Kinds["update"]));

        var (before, after) = (parsed[0].Events[0], parsed[1].Events[0]);
        Assert.Equal("REQUEST", parsed[1].Method);
        Assert.Equal(before.Uid, after.Uid);
        Assert.True(after.Sequence > before.Sequence);
        Assert.Equal("2027-01-18T10:00:00.000Z", after.Start!.Utc);
    }

    [Fact]
    public void A_cancellation_is_a_cancel_of_the_same_uid_with_a_higher_sequence()
    {
        var parsed = IcalJs.Parse(CalendarWriter.ToBytes(Kinds["cancel"]))[0];

        Assert.Equal("CANCEL", parsed.Method);
        var e = Assert.Single(parsed.Events);
        Assert.Equal((Uid, 2, "CANCELLED"), (e.Uid, e.Sequence, e.Status));
    }

    [Fact]
    public void The_plan_lists_booked_sessions_confirmed_and_the_rest_tentative_with_their_window()
    {
        var parsed = IcalJs.Parse(CalendarWriter.ToBytes(Kinds["plan"]))[0];

        Assert.Equal("PUBLISH", parsed.Method);
        Assert.Equal(
            [("ses_2027A-1@clearskin.example", "CONFIRMED"), ("ses_2027A-2@clearskin.example", "TENTATIVE"), ("ses_2027A-3@clearskin.example", "TENTATIVE"), ("pln_2027A-maintenance@clearskin.example", "TENTATIVE")],
            parsed.Events.Select(e => (e.Uid!, e.Status!)));
        var second = parsed.Events[1];
        Assert.True(second.Start!.IsDate);
        Assert.Equal("2027-02-08", second.Start.Local);
        Assert.Contains("between Monday 8 February 2027 and Monday 22 February 2027", second.Description, StringComparison.Ordinal);
        Assert.Equal("2028-03-08", parsed.Events[3].Start!.Local);
        Assert.All(parsed.Events, e => Assert.Equal("PRIVATE", e.Class));
        Assert.All(parsed.Events, e => Assert.Empty(e.Attendees));
    }

    [Theory]
    [InlineData(2027, 3, 28, 0, 30, "2027-03-28T00:30:00", "Europe/London")]
    [InlineData(2027, 3, 28, 9, 0, "2027-03-28T10:00:00", "Europe/London")]
    [InlineData(2027, 6, 1, 8, 0, "2027-06-01T09:00:00", "Europe/London")]
    [InlineData(2027, 10, 31, 3, 0, "2027-10-31T03:00:00", "Europe/London")]
    [InlineData(2026, 10, 24, 22, 30, "2026-10-24T23:30:00", "Europe/London")]
    [InlineData(2026, 10, 24, 23, 30, "2026-10-24T23:30:00Z", null)]
    [InlineData(2026, 10, 25, 0, 30, "2026-10-25T00:30:00Z", null)]
    [InlineData(2026, 10, 25, 1, 30, "2026-10-25T01:30:00Z", null)]
    public void Times_around_daylight_saving_changes_mean_the_same_instant_to_ical_js(int y, int m, int d, int h, int min, string local, string? tzid)
    {
        var start = Instant.FromUtc(y, m, d, h, min);
        var calendar = SessionCalendars.ForSession(Clinic, Session(start: start), Now);

        var e = IcalJs.Parse(CalendarWriter.ToBytes(calendar))[0].Events[0];

        Assert.Equal((local, tzid), (e.Start!.Local, e.Start.TzId));
        Assert.Equal(start.ToDateTimeUtc().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture), e.Start.Utc);
        Assert.Equal((start + Duration.FromHours(1)).ToDateTimeUtc().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture), e.End!.Utc);
    }

    [Fact]
    public void Zones_without_daylight_saving_and_southern_zones_also_round_trip()
    {
        foreach (var zoneId in new[] { "Asia/Tokyo", "Australia/Sydney", "America/New_York", "Asia/Kolkata" })
        {
            var settings = TestClinic.Settings(zoneId);
            var clinic = TestClinic.Build(settings);
            var start = Instant.FromUtc(2027, 4, 4, 1, 30);
            var calendar = SessionCalendars.ForSession(clinic, Session(start: start), Now);

            var e = IcalJs.Parse(CalendarWriter.ToBytes(calendar))[0].Events[0];

            Assert.Equal("2027-04-04T01:30:00.000Z", e.Start!.Utc);
            Assert.Equal(start.InZone(clinic.TimeZone).LocalDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", null), e.Start.Local);
        }
    }

    [Fact]
    public void No_intake_answer_can_reach_a_calendar()
    {
        var fields = typeof(SessionCalendarDetails).GetProperties().Select(p => p.Name).ToList();

        Assert.DoesNotContain(fields, f => f.Contains("Intake", StringComparison.Ordinal) || f.Contains("Scar", StringComparison.Ordinal) || f.Contains("Pregnan", StringComparison.Ordinal));
        var text = Encoding.UTF8.GetString(CalendarWriter.ToBytes(Kinds["invite"]));
        Assert.DoesNotContain("scar", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("acne", text, StringComparison.OrdinalIgnoreCase);
    }
}
