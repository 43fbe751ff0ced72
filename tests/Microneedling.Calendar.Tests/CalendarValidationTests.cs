using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Microneedling.Domain.Calendars;
using static Microneedling.Calendar.Tests.TestCalendars;
using IcalCalendar = Ical.Net.Calendar;

namespace Microneedling.Calendar.Tests;

/// <summary>The iTIP rules Ical.Net does not check: a file that breaks one is refused, never written.</summary>
public class CalendarValidationTests
{
    private static readonly CalendarUser Patient = new("zoe@example.com");

    private static SessionCalendar With(CalendarMethod method, params SessionCalendarEvent[] events) => Publish(events) with { Method = method };

    [Fact]
    public void Every_kind_the_product_writes_passes() =>
        Assert.All(SessionCalendarFixtures.Kinds.Values, k => Assert.Empty(ItipRules.Problems(IcalMapping.ToIcal(k))));

    [Fact]
    public void A_calendar_has_at_least_one_component() =>
        Assert.Throws<ArgumentException>(() => CalendarFiles.ToBytes(Publish()));

    [Fact]
    public void A_request_concerns_one_uid() =>
        Assert.Throws<ArgumentException>(() => CalendarFiles.ToBytes(With(CalendarMethod.Request, Event("a"), Event("b"))));

    [Fact]
    public void A_published_calendar_has_each_uid_once() =>
        Assert.Throws<ArgumentException>(() => CalendarFiles.ToBytes(Publish(Event("a"), Event("a"))));

    [Fact]
    public void A_cancel_must_say_cancelled()
    {
        Assert.Throws<ArgumentException>(() => CalendarFiles.ToBytes(With(CalendarMethod.Cancel, Event("a", attendee: Patient))));
        Assert.NotEmpty(CalendarFiles.ToBytes(With(CalendarMethod.Cancel, Event("a", status: CalendarEventStatus.Cancelled, attendee: Patient))));
    }

    [Fact]
    public void The_organizer_is_never_an_attendee() =>
        Assert.Throws<ArgumentException>(() => CalendarFiles.ToBytes(With(CalendarMethod.Request, Event("a", attendee: new CalendarUser("CLINIC@example.com")))));

    [Fact]
    public void A_request_needs_an_organizer()
    {
        var calendar = Valid(Ical.Net.CalendarMethods.Request);
        calendar.Events[0]!.Organizer = null;

        Assert.Contains(ItipRules.Problems(calendar), p => p.Contains("ORGANIZER", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tzid_needs_its_vtimezone()
    {
        var calendar = Valid(Ical.Net.CalendarMethods.Publish);
        calendar.TimeZones.Clear();

        Assert.Contains(ItipRules.Problems(calendar), p => p.Contains("no VTIMEZONE for it", StringComparison.Ordinal));
    }

    [Fact]
    public void A_vtimezone_has_an_observance()
    {
        var calendar = Valid(Ical.Net.CalendarMethods.Publish);
        calendar.TimeZones[0]!.TimeZoneInfos.Clear();

        Assert.Contains(ItipRules.Problems(calendar), p => p.Contains("no STANDARD or DAYLIGHT", StringComparison.Ordinal));
    }

    [Fact]
    public void Start_and_end_are_both_dates_or_both_times()
    {
        var calendar = Valid(Ical.Net.CalendarMethods.Publish);
        calendar.Events[0]!.DtEnd = new CalDateTime(new DateOnly(2026, 11, 22));

        Assert.Contains(ItipRules.Problems(calendar), p => p.Contains("both be dates", StringComparison.Ordinal));
    }

    /// <summary>A valid file in the clinic's zone, for the tests that break it in ways the domain cannot express.</summary>
    private static IcalCalendar Valid(string method)
    {
        var calendar = IcalMapping.ToIcal(With(method == Ical.Net.CalendarMethods.Request ? CalendarMethod.Request : CalendarMethod.Publish, Event("a", attendee: Patient)));
        Assert.Empty(ItipRules.Problems(calendar));
        Assert.Equal("Europe/London", calendar.Events[0]!.DtStart!.TzId);
        return calendar;
    }
}
