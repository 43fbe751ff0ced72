using System.Globalization;
using Microneedling.Calendar;
using Microneedling.Domain.Clinics;
using NodaTime;

namespace Microneedling.Domain.Calendars;

/// <summary>
/// The calendars the product sends and serves: a session's invite (REQUEST), its update (REQUEST,
/// same UID, higher SEQUENCE), its cancellation (CANCEL), and a plan's calendar (PUBLISH).
/// Times are written in the clinic's zone with a VTIMEZONE from the IANA rules. The summary is
/// neutral and the class private, because calendars show both on lock screens.
/// </summary>
public static class SessionCalendars
{
    public const string ProdId = "-//MicroneedlingFunctions//Bookings 1.0//EN";
    public const string Summary = "Clinic appointment";
    public const string PlannedSummary = "Clinic appointment (to book)";

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
    public static VCalendar ForSession(Clinic clinic, SessionCalendarDetails session, Instant now)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(session);
        var method = session.State == SessionCalendarState.Cancelled ? CalendarMethod.Cancel : CalendarMethod.Request;
        return new VCalendar(ProdId, method, [IanaTimeZones.For(clinic.TimeZone, session.Start - Duration.FromDays(1), session.End + Duration.FromDays(1))],
            [SessionEvent(clinic, session, now, withAttendee: true)]);
    }

    /// <summary>Every session of a plan: booked ones as confirmed events, the rest tentative on their expected day with the window to book in.</summary>
    public static VCalendar ForPlan(Clinic clinic, PlanCalendarDetails plan, Instant now)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(plan);
        var events = new List<VEvent>();
        events.AddRange(plan.Booked.Where(s => s.State == SessionCalendarState.Booked).Select(s => SessionEvent(clinic, s, now, withAttendee: false)));
        foreach (var planned in plan.NotYetBooked)
        {
            events.Add(AllDay(clinic, planned.SessionId, planned.ExpectedDate, now,
                [$"Session {planned.Number} of your treatment plan, not booked yet.",
                 $"Book it between {Readable(planned.WindowStart)} and {Readable(planned.WindowEnd)}: {plan.BookingUrl.AbsoluteUri}"],
                plan.BookingUrl));
        }

        if (plan.MaintenanceDate is { } maintenance)
        {
            events.Add(AllDay(clinic, plan.PlanId + "-maintenance", maintenance, now,
                ["Yearly maintenance session: collagen production falls with age, so a session about once a year keeps results.",
                 $"Book it when the time comes: {plan.BookingUrl.AbsoluteUri}"],
                plan.BookingUrl));
        }

        var timed = plan.Booked.Where(s => s.State == SessionCalendarState.Booked).ToList();
        IReadOnlyList<VTimeZone> zones = timed.Count == 0 ? []
            : [IanaTimeZones.For(clinic.TimeZone, timed.Min(s => s.Start) - Duration.FromDays(1), timed.Max(s => s.End) + Duration.FromDays(1))];
        return new VCalendar(ProdId, CalendarMethod.Publish, zones, events);
    }

    private static VEvent SessionEvent(Clinic clinic, SessionCalendarDetails s, Instant now, bool withAttendee)
    {
        var cancelled = s.State == SessionCalendarState.Cancelled;
        var (start, end) = Times(clinic.TimeZone, s.Start, s.End);
        return new VEvent(
            Uid(clinic, s.SessionId),
            now.ToDateTimeOffset(),
            start,
            end,
            s.Sequence,
            cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Summary,
            $"{s.LocationName}, {s.LocationAddress}",
            cancelled
                ? ["This appointment has been cancelled.", $"Book another time: {s.ManageUrl.AbsoluteUri}"]
                : [$"With {s.PractitionerName} at {s.LocationName}.", .. PreCareEssentials, $"Reschedule or cancel: {s.ManageUrl.AbsoluteUri}"],
            s.ManageUrl,
            EventClass.Private,
            new CalendarUser(clinic.SenderEmail, clinic.SenderName),
            withAttendee ? [new Attendee(s.Patient)] : null);
    }

    /// <summary>
    /// Wall-clock times in the clinic's zone, unless start or end is a local time that happens twice
    /// (autumn overlap): RFC 5545 reads such a time as its first occurrence, ical.js as its second,
    /// so then both are written in UTC, which every client reads alike.
    /// </summary>
    private static (CalendarTime Start, CalendarTime End) Times(DateTimeZone zone, Instant start, Instant end)
    {
        var localStart = start.InZone(zone).LocalDateTime;
        var localEnd = end.InZone(zone).LocalDateTime;
        if (zone.MapLocal(localStart).Count != 1 || zone.MapLocal(localEnd).Count != 1)
        {
            return (CalendarTime.Utc(start.ToDateTimeOffset()), CalendarTime.Utc(end.ToDateTimeOffset()));
        }

        return (CalendarTime.Local(localStart.ToDateTimeUnspecified(), zone.Id), CalendarTime.Local(localEnd.ToDateTimeUnspecified(), zone.Id));
    }

    private static VEvent AllDay(Clinic clinic, string id, LocalDate date, Instant now, IReadOnlyList<string> description, Uri url) =>
        new(Uid(clinic, id), now.ToDateTimeOffset(),
            CalendarTime.Date(date.ToDateOnly()), CalendarTime.Date(date.PlusDays(1).ToDateOnly()),
            0, EventStatus.Tentative, PlannedSummary, null, description, url, EventClass.Private,
            new CalendarUser(clinic.SenderEmail, clinic.SenderName));

    private static string Readable(LocalDate date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
}
