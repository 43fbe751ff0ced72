using Microneedling.Domain.Calendars;
using NodaTime;

namespace Microneedling.Calendar.Tests;

/// <summary>Calendars with arbitrary text, for what the file format must carry whatever the domain puts in.</summary>
public static class TestCalendars
{
    public static readonly Instant Stamp = Instant.FromUtc(2026, 11, 21, 12, 0);
    public static readonly Uri Url = new("https://book.clearskin.example/book");

    public static SessionCalendarEvent Event(
        string uid = "uid-1",
        string summary = "x",
        string? location = null,
        IReadOnlyList<string>? description = null,
        string? organizerName = null,
        EventTime? time = null,
        CalendarEventStatus status = CalendarEventStatus.Confirmed,
        CalendarUser? attendee = null) =>
        new(uid, 0, status, time ?? new TimedEvent(Stamp, Stamp + Duration.FromHours(1)), summary, location, description ?? [], Url,
            new CalendarUser("clinic@example.com", organizerName), attendee);

    public static SessionCalendar Publish(params SessionCalendarEvent[] events) =>
        new(CalendarMethod.Publish, DateTimeZoneProviders.Tzdb["Europe/London"], Stamp, events);
}
