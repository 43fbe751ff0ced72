using Microneedling.Calendar;
using Microneedling.Domain.Calendars;
using Microneedling.Domain.Clinics;
using Microneedling.Functions.PatientLinks;
using Microneedling.Storage.Bookings;
using Microneedling.Storage.Entities;
using Microneedling.Storage.Intakes;
using NodaTime;
using NodaTime.Extensions;

namespace Microneedling.Functions.Bookings;

/// <summary>The calendar files a patient can download: a booking's sessions, and the whole plan.</summary>
public sealed class BookingCalendarService(Clinic clinic, PageLinks links, BookingService bookings, IntakeRepository intakes, TimeProvider clock)
{
    public async Task<IResult> BookingAsync(string bookingId, string? token, CancellationToken ct)
    {
        var (booking, problem) = await bookings.AuthorizedAsync(bookingId, token, ct).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var sessions = booking!.Sessions.OrderBy(s => s.Number).Select(s => Details(clinic, links, booking, s)).ToList();
        return File(SessionCalendars.ForBooking(clinic, sessions, clock.GetUtcNow().ToInstant()), $"booking-{bookingId}.ics");
    }

    public async Task<IResult> PlanAsync(string bookingId, string? token, CancellationToken ct)
    {
        var (booking, problem) = await bookings.AuthorizedAsync(bookingId, token, ct).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var intake = await intakes.GetAsync(booking!.Header.IntakeId, ct).ConfigureAwait(false);
        var active = booking.Sessions.Where(s => s.Status != SessionStatus.Cancelled).OrderBy(s => s.Start).ToList();
        var planned = new List<PlannedSessionDetails>();
        LocalDate? maintenance = null;
        if (intake is not null && clinic.FindService(booking.Header.ServiceId)?.Kind == ServiceKind.Microneedling && active.Count > 0)
        {
            var policy = clinic.Plan;
            var last = active[^1].Start.ToInstant().InZone(clinic.TimeZone).Date;

            // Ids after the booking's last session number: a planned session never shares a UID with a session, cancelled ones included.
            var unused = booking.Sessions.Max(s => s.Number) - active.Count;
            for (var n = active.Count + 1; n <= policy.For(intake.Severity).Recommended; n++)
            {
                var expected = last.PlusWeeks(policy.PreferredSpacingWeeks);
                planned.Add(new PlannedSessionDetails($"{bookingId}-{n + unused}", n, expected, last.PlusWeeks(policy.MinSpacingWeeks), last.PlusWeeks(policy.MaxSpacingWeeks)));
                last = expected;
            }

            maintenance = last.PlusMonths(policy.MaintenanceIntervalMonths);
        }

        // Cancelled sessions stay in the file, cancelled, so importing it updates them (SessionCalendars explains).
        var sessions = booking.Sessions.OrderBy(s => s.Start).Select(s => Details(clinic, links, booking, s));
        var plan = new PlanCalendarDetails(bookingId, [.. sessions], planned, maintenance, links.Book);
        return File(SessionCalendars.ForPlan(clinic, plan, clock.GetUtcNow().ToInstant()), $"plan-{bookingId}.ics");
    }

    /// <summary>
    /// A session as calendars see it. The manage link carries no token: calendar files get synced
    /// and shared, so the token travels only in the patient's email.
    /// </summary>
    public static SessionCalendarDetails Details(Clinic clinic, PageLinks links, StoredBooking booking, SessionEntity session)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(session);
        var location = clinic.FindLocation(booking.Header.LocationId);
        var id = booking.Header.Id;
        return new SessionCalendarDetails(
            $"{id}-{session.Number}",
            session.Sequence,
            session.Status == SessionStatus.Cancelled ? SessionCalendarState.Cancelled : SessionCalendarState.Booked,
            session.Start.ToInstant(),
            session.End.ToInstant(),
            location?.Name ?? booking.Header.LocationId,
            location?.Address ?? string.Empty,
            clinic.FindPractitioner(session.PractitionerId)?.Name ?? session.PractitionerId,
            new CalendarUser(booking.Header.PatientEmail, booking.Header.PatientName),
            links.Manage(id));
    }

    private static IResult File(SessionCalendar calendar, string name) =>
        TypedResults.File(CalendarFiles.ToBytes(calendar), CalendarFiles.ContentType, name);
}
