using NodaTime;

namespace Microneedling.Domain.Calendars;

/// <summary>How a receiving calendar should treat a file (the iTIP methods of RFC 5546).</summary>
public enum CalendarMethod
{
    /// <summary>Several events to add or update (a booking's series, a treatment plan); no reply expected.</summary>
    Publish,

    /// <summary>An invitation, or an update of one: the same UID with a higher sequence.</summary>
    Request,

    /// <summary>A cancellation: the same UID, a higher sequence, every event cancelled.</summary>
    Cancel,
}

public enum CalendarEventStatus
{
    Tentative,
    Confirmed,
    Cancelled,
}

/// <summary>A calendar user: an email address and an optional display name.</summary>
public sealed record CalendarUser(string Email, string? CommonName = null);

/// <summary>When an event happens: a span of time, or a whole day in the clinic's zone.</summary>
public abstract record EventTime;

public sealed record TimedEvent(Instant Start, Instant End) : EventTime;

public sealed record AllDayEvent(LocalDate Date) : EventTime;

/// <summary>
/// One entry of a calendar as the clinic means it. <see cref="Description"/> is a list of
/// paragraphs so constant text can be shared between events; <see cref="AlarmBefore"/> asks for a
/// display alarm, which several clients ignore (reminders that matter are emails).
/// </summary>
public sealed record SessionCalendarEvent(
    string Uid,
    int Sequence,
    CalendarEventStatus Status,
    EventTime Time,
    string Summary,
    string? Location,
    IReadOnlyList<string> Description,
    Uri Url,
    CalendarUser Organizer,
    CalendarUser? Attendee = null,
    Duration? AlarmBefore = null);

/// <summary>
/// A calendar file the product sends or serves, described without any calendar format: which
/// method, which events, and the clinic's zone their times are shown in. Microneedling.Calendar
/// writes it as iCalendar.
/// </summary>
public sealed record SessionCalendar(CalendarMethod Method, DateTimeZone Zone, Instant Stamp, IReadOnlyList<SessionCalendarEvent> Events);
