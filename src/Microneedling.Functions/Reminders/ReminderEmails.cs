using Microneedling.Calendar;
using Microneedling.Domain.Calendars;
using Microneedling.Domain.Clinics;
using Microneedling.Domain.Reminders;
using Microneedling.Email;
using Microneedling.Email.Templates;
using Microneedling.Functions.Api;
using Microneedling.Functions.Bookings;
using Microneedling.Functions.PatientLinks;
using Microneedling.Storage.Bookings;
using Microneedling.Storage.Entities;
using Microneedling.Storage.OptOuts;
using Microneedling.Storage.Reminders;
using NodaTime;
using NodaTime.Extensions;

namespace Microneedling.Functions.Reminders;

/// <summary>Turns a due reminder and its booking into the email to send, invites attached where the email is about a session's time.</summary>
public sealed class ReminderEmails(Clinic clinic, ClinicBranding branding, ManageTokens tokens, UnsubscribeTokens unsubscribes, PageLinks links, TimeProvider clock)
{
    public EmailMessage Compose(ReminderEntity reminder, StoredBooking booking)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        ArgumentNullException.ThrowIfNull(booking);
        var id = booking.Header.Id;
        var session = booking.Session(reminder.SessionNumber) ?? throw new InvalidOperationException("The reminder's session is gone.");
        var day = DateOnly.FromDateTime(session.Start.ToInstant().InZone(clinic.TimeZone).Date.ToDateTimeUnspecified());
        var addressHash = OptOutRepository.AddressHash(booking.Header.PatientEmail);
        var about = reminder.Kind switch
        {
            ReminderKind.BookingConfirmation => Confirmed(booking).ToList(),
            _ => [.. reminder.SessionNumbers().Select(n => booking.Session(n) ?? throw new InvalidOperationException("The reminder's session is gone."))],
        };
        var model = new EmailModel(
            Map(reminder.Kind),
            booking.Header.PatientName,
            new EmailAddress(booking.Header.PatientEmail),
            branding,
            Facts(booking, session),
            ManageUrl: links.Manage(id, tokens.Issue(id)),
            BookingUrl: links.Book,
            UnsubscribeUrl: links.Unsubscribe(addressHash, unsubscribes.Token(addressHash)),
            WindowStart: day.AddDays(clinic.Plan.MinSpacingWeeks * 7),
            WindowEnd: day.AddDays(clinic.Plan.MaxSpacingWeeks * 7),
            Sessions: [.. about.Select(s => Facts(booking, s))]);
        return EmailComposer.Compose(model, reminder.OperationId, Attachments(reminder.Kind, booking, about));
    }

    /// <summary>What a confirmation lists: the sessions not cancelled when it is sent.</summary>
    public static IEnumerable<SessionEntity> Confirmed(StoredBooking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return booking.Sessions.Where(s => s.Status != SessionStatus.Cancelled).OrderBy(s => s.Number);
    }

    private SessionFacts Facts(StoredBooking booking, SessionEntity session)
    {
        var location = clinic.FindLocation(booking.Header.LocationId);
        return new SessionFacts(
            session.Start.ToInstant().InZone(clinic.TimeZone).ToDateTimeOffset(),
            session.End.ToInstant().InZone(clinic.TimeZone).ToDateTimeOffset(),
            clinic.TimeZone.Id,
            location?.Name ?? booking.Header.LocationId,
            location?.Address ?? string.Empty,
            clinic.FindPractitioner(session.PractitionerId)?.Name ?? session.PractitionerId,
            session.Number,
            booking.Sessions.Count);
    }

    private IReadOnlyList<EmailAttachment> Attachments(ReminderKind kind, StoredBooking booking, IReadOnlyList<SessionEntity> about)
    {
        var now = clock.GetUtcNow().ToInstant();
        return kind switch
        {
            ReminderKind.BookingConfirmation =>
            [
                .. about.Select(s => Invite(booking, s, now)),
                Ics("plan.ics", SessionCalendars.ForPlan(clinic, new PlanCalendarDetails(booking.Header.Id,
                    [.. booking.Sessions.Select(s => BookingCalendarService.Details(clinic, links, booking, s))], [], null, links.Book), now)),
            ],
            ReminderKind.Rescheduled or ReminderKind.Cancelled => [.. about.Select(s => Invite(booking, s, now))],
            _ => [],
        };
    }

    private EmailAttachment Invite(StoredBooking booking, SessionEntity session, Instant now)
    {
        var details = BookingCalendarService.Details(clinic, links, booking, session);
        return Ics($"session-{session.Number}.ics", SessionCalendars.ForSession(clinic, details, now));
    }

    private static EmailAttachment Ics(string name, SessionCalendar calendar) =>
        new(name, CalendarFiles.AttachmentContentType(calendar.Method), CalendarFiles.ToBytes(calendar));

    private static EmailKind Map(ReminderKind kind) => kind switch
    {
        ReminderKind.BookingConfirmation => EmailKind.BookingConfirmation,
        ReminderKind.Rescheduled => EmailKind.Rescheduled,
        ReminderKind.Cancelled => EmailKind.Cancelled,
        ReminderKind.PreCare => EmailKind.PreCare,
        ReminderKind.AftercareDay0 => EmailKind.AftercareDay0,
        ReminderKind.AftercareDay1 => EmailKind.AftercareDay1,
        ReminderKind.AftercareDay3 => EmailKind.AftercareDay3,
        ReminderKind.HealingCheckDay7 => EmailKind.HealingCheckDay7,
        ReminderKind.RebookingOpen => EmailKind.RebookingOpen,
        ReminderKind.RebookingClosing => EmailKind.RebookingClosing,
        _ => EmailKind.Maintenance,
    };
}
