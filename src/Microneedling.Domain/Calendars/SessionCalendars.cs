using System.Globalization;
using Microneedling.Domain.Clinics;
using NodaTime;

namespace Microneedling.Domain.Calendars;

/// <summary>
/// The calendars the product sends and serves: a session's invite (REQUEST), its update (REQUEST,
/// same UID, higher sequence), its cancellation (CANCEL), a booking's series and a plan (PUBLISH).
/// The summary is neutral and the class private, because calendars show both on lock screens.
/// </summary>
/// <remarks>
/// A cancelled session stays in every file that lists it, cancelled, with its raised sequence and
/// the same UID, so a calendar that imports the file updates the event instead of keeping the old
/// one. Real clients remove an event on a CANCEL with its UID (Outlook, Apple Calendar, Google
/// Calendar, Thunderbird); a cancelled event in a PUBLISH is struck through at best, and Outlook,
/// which honours STATUS only with METHOD:CANCEL, keeps it as an appointment. So a file about one
/// session is that session's REQUEST or CANCEL. A CANCEL may concern only one UID (RFC 5546,
/// 3.2.5), so a file about several sessions is a PUBLISH in which cancelled sessions say so in the
/// summary too, and each session's removal travels in the CANCEL emailed for it.
/// </remarks>
public static class SessionCalendars
{
    public const string Summary = "Clinic appointment";
    public const string CancelledSummary = "Clinic appointment (cancelled)";
    public const string PlannedSummary = "Clinic appointment (to book)";

    /// <summary>When a booked session's display alarm goes off, for the clients that honour one.</summary>
    public static readonly Duration AlarmBefore = Duration.FromHours(2);

    public static readonly IReadOnlyList<string> PreCareEssentials =
    [
        "Before your session: drink plenty of water in the 24 hours before, and again a few hours before your appointment.",
        "Come without makeup on the day, and avoid long sun exposure beforehand.",
        "If you have an active breakout, please reschedule instead of coming in.",
    ];

    /// <summary>The UID of a session for its whole life: its id at the clinic's domain.</summary>
    public static string Uid(Clinic clinic, string sessionId)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        return sessionId + "@" + clinic.Domain;
    }

    /// <summary>An invite or update for a booked session, or a cancellation for a cancelled one.</summary>
    public static SessionCalendar ForSession(Clinic clinic, SessionCalendarDetails session, Instant now)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(session);
        var method = session.State == SessionCalendarState.Cancelled ? CalendarMethod.Cancel : CalendarMethod.Request;
        return new SessionCalendar(method, clinic.TimeZone, now, [SessionEvent(clinic, session, withAttendee: true)]);
    }

    /// <summary>A booking's sessions: one session's invite or cancellation, or a series with each session as it stands.</summary>
    public static SessionCalendar ForBooking(Clinic clinic, IReadOnlyList<SessionCalendarDetails> sessions, Instant now)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(sessions);
        if (sessions.Count == 1)
        {
            return ForSession(clinic, sessions[0], now);
        }

        return new SessionCalendar(CalendarMethod.Publish, clinic.TimeZone, now, [.. sessions.Select(s => SessionEvent(clinic, s, withAttendee: false))]);
    }

    /// <summary>
    /// Every session of a plan: booked ones confirmed, cancelled ones cancelled, the rest tentative on
    /// their expected day with the window to book in, and the yearly maintenance.
    /// </summary>
    public static SessionCalendar ForPlan(Clinic clinic, PlanCalendarDetails plan, Instant now)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan is { Booked: [{ State: SessionCalendarState.Cancelled } only], NotYetBooked.Count: 0, MaintenanceDate: null })
        {
            return ForSession(clinic, only, now);
        }

        var events = new List<SessionCalendarEvent>();
        events.AddRange(plan.Booked.Select(s => SessionEvent(clinic, s, withAttendee: false)));
        foreach (var planned in plan.NotYetBooked)
        {
            events.Add(AllDay(clinic, planned.SessionId, planned.ExpectedDate,
                [$"Session {planned.Number} of your treatment plan, not booked yet.",
                 $"Book it between {Readable(planned.WindowStart)} and {Readable(planned.WindowEnd)}: {plan.BookingUrl.AbsoluteUri}"],
                plan.BookingUrl));
        }

        if (plan.MaintenanceDate is { } maintenance)
        {
            events.Add(AllDay(clinic, plan.PlanId + "-maintenance", maintenance,
                ["Yearly maintenance session: collagen production falls with age, so a session about once a year keeps results.",
                 $"Book it when the time comes: {plan.BookingUrl.AbsoluteUri}"],
                plan.BookingUrl));
        }

        return new SessionCalendar(CalendarMethod.Publish, clinic.TimeZone, now, events);
    }

    private static SessionCalendarEvent SessionEvent(Clinic clinic, SessionCalendarDetails s, bool withAttendee)
    {
        var cancelled = s.State == SessionCalendarState.Cancelled;
        return new SessionCalendarEvent(
            Uid(clinic, s.SessionId),
            s.Sequence,
            cancelled ? CalendarEventStatus.Cancelled : CalendarEventStatus.Confirmed,
            new TimedEvent(s.Start, s.End),
            cancelled ? CancelledSummary : Summary,
            $"{s.LocationName}, {s.LocationAddress}",
            cancelled
                ? ["This appointment has been cancelled.", $"Book another time: {s.ManageUrl.AbsoluteUri}"]
                : [$"With {s.PractitionerName} at {s.LocationName}.", .. PreCareEssentials, $"Reschedule or cancel: {s.ManageUrl.AbsoluteUri}"],
            s.ManageUrl,
            Organizer(clinic),
            withAttendee ? s.Patient : null,
            cancelled ? null : AlarmBefore);
    }

    private static SessionCalendarEvent AllDay(Clinic clinic, string id, LocalDate date, IReadOnlyList<string> description, Uri url) =>
        new(Uid(clinic, id), 0, CalendarEventStatus.Tentative, new AllDayEvent(date), PlannedSummary, null, description, url, Organizer(clinic));

    private static CalendarUser Organizer(Clinic clinic) => new(clinic.SenderEmail, clinic.SenderName);

    private static string Readable(LocalDate date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
}
