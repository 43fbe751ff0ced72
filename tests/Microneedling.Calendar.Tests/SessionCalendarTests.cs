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
    [InlineData("series")]
    public void Each_kind_matches_its_golden_file(string kind)
    {
        var bytes = Bytes(kind);
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
        var parsed = IcalJs.Parse(Bytes("invite"))[0];

        Assert.Equal(("2.0", "REQUEST"), (parsed.Version, parsed.Method));
        Assert.Equal(["Europe/London"], parsed.TimeZones);
        var e = Assert.Single(parsed.Events);
        Assert.Equal(Uid, e.Uid);
        Assert.Equal(0, e.Sequence);
        Assert.Equal("CONFIRMED", e.Status);
        Assert.Equal(new ParsedTime("2027-01-11T09:00:00", "Europe/London", false, "2027-01-11T09:00:00.000Z", "Europe/London"), e.Start);
        Assert.Equal("2027-01-11T10:00:00.000Z", e.End!.Utc);
        Assert.Equal("Clinic appointment", e.Summary);
        Assert.Equal("PRIVATE", e.Class);
        Assert.Equal("City, 1 High Street", e.Location);
        Assert.Equal(new ParsedUser("mailto:appointments@clearskin.example", "Clearskin Clinic", null, null, null), e.Organizer);
        var attendee = Assert.Single(e.Attendees);
        Assert.Equal(("mailto:zoe@example.com", "Zoë O'Brien", "TRUE", "NEEDS-ACTION", "REQ-PARTICIPANT"), (attendee.Value, attendee.Cn, attendee.Rsvp, attendee.Partstat, attendee.Role));
        Assert.Contains("drink plenty of water", e.Description, StringComparison.Ordinal);
        Assert.Contains("Come without makeup", e.Description, StringComparison.Ordinal);
        Assert.Contains(ManageUrl.AbsoluteUri, e.Description, StringComparison.Ordinal);
        Assert.Equal(ManageUrl.AbsoluteUri, e.Url);
        Assert.Equal("2026-11-21T12:00:00Z", e.Stamp);
        Assert.Equal(new ParsedAlarm("DISPLAY", "-PT2H"), e.Alarm);
    }

    [Fact]
    public void An_update_keeps_the_uid_and_raises_the_sequence()
    {
        var parsed = IcalJs.Parse(Bytes("invite"), Bytes("update"));

        var (before, after) = (parsed[0].Events[0], parsed[1].Events[0]);
        Assert.Equal("REQUEST", parsed[1].Method);
        Assert.Equal(before.Uid, after.Uid);
        Assert.True(after.Sequence > before.Sequence);
        Assert.Equal("2027-01-18T10:00:00.000Z", after.Start!.Utc);
    }

    [Fact]
    public void A_cancellation_is_a_cancel_of_the_same_uid_with_a_higher_sequence_and_no_alarm()
    {
        var parsed = IcalJs.Parse(Bytes("cancel"))[0];

        Assert.Equal("CANCEL", parsed.Method);
        var e = Assert.Single(parsed.Events);
        Assert.Equal((Uid, 2, "CANCELLED"), (e.Uid, e.Sequence, e.Status));
        Assert.Equal("mailto:zoe@example.com", Assert.Single(e.Attendees).Value);
        Assert.Null(e.Alarm);
    }

    [Fact]
    public void The_plan_lists_booked_sessions_confirmed_and_the_rest_tentative_with_their_window()
    {
        var parsed = IcalJs.Parse(Bytes("plan"))[0];

        Assert.Equal("PUBLISH", parsed.Method);
        Assert.Equal(
            [("ses_2027A-1@clearskin.example", "CONFIRMED"), ("ses_2027A-2@clearskin.example", "TENTATIVE"), ("ses_2027A-3@clearskin.example", "TENTATIVE"), ("pln_2027A-maintenance@clearskin.example", "TENTATIVE")],
            parsed.Events.Select(e => (e.Uid!, e.Status!)));
        var second = parsed.Events[1];
        Assert.True(second.Start!.IsDate);
        Assert.Equal("2027-02-08", second.Start.Local);
        Assert.Equal("2027-02-09", second.End!.Local);
        Assert.Contains("between Monday 8 February 2027 and Monday 22 February 2027", second.Description, StringComparison.Ordinal);
        Assert.Equal("2028-03-08", parsed.Events[3].Start!.Local);
        Assert.All(parsed.Events, e => Assert.Equal("PRIVATE", e.Class));
        Assert.All(parsed.Events, e => Assert.Empty(e.Attendees));
    }

    [Fact]
    public void A_series_keeps_a_cancelled_session_cancelled_under_its_uid_with_its_raised_sequence()
    {
        var parsed = IcalJs.Parse(Bytes("series"))[0];

        Assert.Equal("PUBLISH", parsed.Method);
        Assert.Equal(
            [("ses_2027A-1@clearskin.example", 0, "CONFIRMED", "Clinic appointment"), ("ses_2027A-2@clearskin.example", 1, "CANCELLED", "Clinic appointment (cancelled)")],
            parsed.Events.Select(e => (e.Uid!, e.Sequence!.Value, e.Status!, e.Summary!)));
        Assert.Null(parsed.Events[1].Alarm);
    }

    [Fact]
    public void A_file_about_one_cancelled_session_is_its_cancel_whichever_download_asks()
    {
        var cancelled = Session(1, SessionCalendarState.Cancelled);
        var plan = new PlanCalendarDetails("pln_2027A", [cancelled], [], null, new Uri("https://book.clearskin.example/book"));

        var booking = SessionCalendars.ForBooking(Clinic, [cancelled], Now);
        var whole = SessionCalendars.ForPlan(Clinic, plan, Now);

        Assert.Equal(CalendarFiles.ToBytes(SessionCalendars.ForSession(Clinic, cancelled, Now)), CalendarFiles.ToBytes(booking));
        Assert.Equal((CalendarMethod.Cancel, CalendarMethod.Cancel), (booking.Method, whole.Method));
        var parsed = IcalJs.Parse(CalendarFiles.ToBytes(whole))[0];
        Assert.Equal((Uid, 1, "CANCELLED"), (parsed.Events[0].Uid, parsed.Events[0].Sequence, parsed.Events[0].Status));
    }

    [Fact]
    public void No_intake_answer_can_reach_a_calendar()
    {
        var fields = typeof(SessionCalendarDetails).GetProperties().Select(p => p.Name).ToList();

        Assert.DoesNotContain(fields, f => f.Contains("Intake", StringComparison.Ordinal) || f.Contains("Scar", StringComparison.Ordinal) || f.Contains("Pregnan", StringComparison.Ordinal));
        var text = Encoding.UTF8.GetString(Bytes("invite"));
        Assert.DoesNotContain("scar", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("acne", text, StringComparison.OrdinalIgnoreCase);
    }
}
