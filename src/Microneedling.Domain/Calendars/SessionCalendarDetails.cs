using NodaTime;

namespace Microneedling.Domain.Calendars;

public enum SessionCalendarState
{
    Booked,
    Cancelled,
}

/// <summary>
/// What a session's calendar entry says. <see cref="SessionId"/> gives the UID for the session's
/// whole life; <see cref="Sequence"/> is stored with the booking and rises with every change of
/// time, place or status. Deliberately nothing from the intake.
/// </summary>
public sealed record SessionCalendarDetails(
    string SessionId,
    int Sequence,
    SessionCalendarState State,
    Instant Start,
    Instant End,
    string LocationName,
    string LocationAddress,
    string PractitionerName,
    CalendarUser Patient,
    Uri ManageUrl);

/// <summary>A session of a plan not booked yet: when it is expected and the window to book it in.</summary>
public sealed record PlannedSessionDetails(string SessionId, int Number, LocalDate ExpectedDate, LocalDate WindowStart, LocalDate WindowEnd);

public sealed record PlanCalendarDetails(
    string PlanId,
    IReadOnlyList<SessionCalendarDetails> Booked,
    IReadOnlyList<PlannedSessionDetails> NotYetBooked,
    LocalDate? MaintenanceDate,
    Uri BookingUrl);
