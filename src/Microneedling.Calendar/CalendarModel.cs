namespace Microneedling.Calendar;

/// <summary>The iTIP method (RFC 5546): how a receiving calendar should treat the object.</summary>
public enum CalendarMethod
{
    /// <summary>Publish a calendar (several events, e.g. a treatment plan); no reply expected.</summary>
    Publish,

    /// <summary>An invitation or an update of one (same UID, higher SEQUENCE).</summary>
    Request,

    /// <summary>A cancellation (same UID, higher SEQUENCE, STATUS:CANCELLED).</summary>
    Cancel,
}

public enum EventStatus
{
    Tentative,
    Confirmed,
    Cancelled,
}

public enum EventClass
{
    Public,
    Private,
    Confidential,
}

public enum ParticipationStatus
{
    NeedsAction,
    Accepted,
    Declined,
    Tentative,
}

/// <summary>A whole calendar object: VCALENDAR with its time zones and events.</summary>
public sealed record VCalendar(string ProdId, CalendarMethod? Method, IReadOnlyList<VTimeZone> TimeZones, IReadOnlyList<VEvent> Events);

/// <summary>A calendar user: an email address and an optional display name.</summary>
public sealed record CalendarUser(string Email, string? CommonName = null);

public sealed record Attendee(CalendarUser User, bool Rsvp = true, ParticipationStatus Status = ParticipationStatus.NeedsAction);

/// <summary>A display alarm some clients honour; never rely on it for a reminder that matters.</summary>
public sealed record VAlarm(TimeSpan BeforeStart, string Description);

/// <summary>
/// One event. Description paragraphs are joined with line breaks when written, so constant text
/// can be shared between events without building a new string for each.
/// </summary>
public sealed record VEvent(
    string Uid,
    DateTimeOffset Stamp,
    CalendarTime Start,
    CalendarTime End,
    int Sequence = 0,
    EventStatus Status = EventStatus.Confirmed,
    string? Summary = null,
    string? Location = null,
    IReadOnlyList<string>? Description = null,
    Uri? Url = null,
    EventClass Class = EventClass.Public,
    CalendarUser? Organizer = null,
    IReadOnlyList<Attendee>? Attendees = null,
    VAlarm? Alarm = null);

/// <summary>A time zone definition: one observance per offset change, as RFC 5545 section 3.6.5 allows.</summary>
public sealed record VTimeZone(string TzId, IReadOnlyList<TimeZoneObservance> Observances);

/// <summary>
/// From <see cref="LocalStart"/> (a wall-clock time in the old offset) the offset is
/// <see cref="OffsetTo"/>; before it was <see cref="OffsetFrom"/>.
/// </summary>
public sealed record TimeZoneObservance(bool IsDaylight, DateTime LocalStart, TimeSpan OffsetFrom, TimeSpan OffsetTo, string? Name);
