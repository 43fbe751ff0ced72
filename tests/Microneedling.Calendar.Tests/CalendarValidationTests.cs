namespace Microneedling.Calendar.Tests;

public class CalendarValidationTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly CalendarUser Clinic = new("clinic@example.com", "Clinic");

    private static VEvent Event(string uid, EventStatus status = EventStatus.Confirmed, CalendarTime? start = null, IReadOnlyList<Attendee>? attendees = null) =>
        new(uid, Stamp, start ?? CalendarTime.Utc(Stamp), CalendarTime.Utc(Stamp.AddHours(1)), Status: status, Organizer: Clinic, Attendees: attendees);

    [Fact]
    public void A_request_concerns_one_uid() =>
        Assert.Throws<ArgumentException>(() => CalendarWriter.ToBytes(new VCalendar("p", CalendarMethod.Request, [], [Event("a"), Event("b")])));

    [Fact]
    public void A_cancel_must_say_cancelled() =>
        Assert.Throws<ArgumentException>(() => CalendarWriter.ToBytes(new VCalendar("p", CalendarMethod.Cancel, [], [Event("a")])));

    [Fact]
    public void A_tzid_needs_its_vtimezone() =>
        Assert.Throws<ArgumentException>(() => CalendarWriter.ToBytes(new VCalendar("p", CalendarMethod.Publish, [],
            [Event("a", start: CalendarTime.Local(new DateTime(2027, 1, 1, 9, 0, 0), "Europe/London"))])));

    [Fact]
    public void The_organizer_is_never_an_attendee() =>
        Assert.Throws<ArgumentException>(() => CalendarWriter.ToBytes(new VCalendar("p", CalendarMethod.Request, [],
            [Event("a", attendees: [new Attendee(new CalendarUser("CLINIC@example.com"))])])));

    [Fact]
    public void A_request_needs_an_organizer() =>
        Assert.Throws<ArgumentException>(() => CalendarWriter.ToBytes(new VCalendar("p", CalendarMethod.Request, [],
            [new VEvent("a", Stamp, CalendarTime.Utc(Stamp), CalendarTime.Utc(Stamp))])));
}
