using System.Globalization;
using Microneedling.Domain.Clinics;
using Microneedling.Domain.Reminders;
using Microneedling.Storage.Bookings;
using Microneedling.Storage.Entities;
using Microneedling.Storage.Intakes;
using Microneedling.Storage.OptOuts;
using Microneedling.Storage.Reminders;
using NodaTime;
using NodaTime.Extensions;

namespace Microneedling.Functions.Reminders;

/// <summary>
/// Reads what the reminder rules need about one due email: its booking's sessions, and only for
/// the kinds that depend on them, the booking's confirmation, the planned series length and the
/// patient's opt-out.
/// </summary>
public sealed class ReminderSnapshots(Clinic clinic, EmailLog emailLog, IntakeRepository intakes, OptOutRepository optOuts)
{
    /// <summary>How long a change email waits for its booking's confirmation before it goes anyway.</summary>
    public static readonly TimeSpan ConfirmationWait = TimeSpan.FromHours(1);

    public async Task<ReminderSnapshot> ReadAsync(ReminderEntity reminder, StoredBooking? booking, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        // An erased or anonymised booking has nobody to write to: its emails are skipped as if it were gone.
        var live = booking is null || booking.Header.Status == BookingStatus.Abandoned || booking.Header.AnonymisedAt is not null ? null : booking;
        var sessions = live?.Sessions.Select(s => new SessionSnapshot(s.Number, State(s.Status), s.Sequence)).ToList() ?? [];
        var confirmation = live is not null && reminder.Kind is ReminderKind.Rescheduled or ReminderKind.Cancelled
            ? await ConfirmationAsync(live.Header.Id, ct).ConfigureAwait(false)
            : ConfirmationSnapshot.Pending;
        var optional = live is not null && reminder.Kind is ReminderKind.RebookingOpen or ReminderKind.RebookingClosing or ReminderKind.Maintenance;
        var planned = optional ? await PlannedSessionsAsync(live!, ct).ConfigureAwait(false) : sessions.Count;
        var optedOut = optional && await optOuts.ContainsAsync(OptOutRepository.AddressHash(live!.Header.PatientEmail), ct).ConfigureAwait(false);
        return new ReminderSnapshot(
            reminder.Kind,
            reminder.SessionNumbers(),
            reminder.SessionSequence,
            now.ToInstant(),
            reminder.StaleAt.ToInstant(),
            (reminder.DueAt + ConfirmationWait).ToInstant(),
            sessions,
            planned,
            optedOut,
            confirmation);
    }

    /// <summary>The sessions a confirmation shows and their sequences, as its email record keeps them.</summary>
    public static string Shown(IEnumerable<SessionEntity> sessions) =>
        string.Join(',', sessions.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Number}:{s.Sequence}")));

    private async Task<ConfirmationSnapshot> ConfirmationAsync(string bookingId, CancellationToken ct)
    {
        var record = (await emailLog.OfBookingAsync(bookingId, ct).ConfigureAwait(false)).FirstOrDefault(r => r.Kind == ReminderKind.BookingConfirmation);
        if (record is null)
        {
            return ConfirmationSnapshot.Pending;
        }

        var shown = (record.Shown ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(':'))
            .ToDictionary(p => int.Parse(p[0], CultureInfo.InvariantCulture), p => int.Parse(p[1], CultureInfo.InvariantCulture));
        var state = record.Outcome switch
        {
            EmailOutcome.Sent => ConfirmationState.Sent,
            EmailOutcome.Skipped => ConfirmationState.Skipped,
            _ => ConfirmationState.Failed,
        };
        return new ConfirmationSnapshot(state, shown);
    }

    private async Task<int> PlannedSessionsAsync(StoredBooking booking, CancellationToken ct)
    {
        var intake = await intakes.GetAsync(booking.Header.IntakeId, ct).ConfigureAwait(false);
        return intake is null || intake.AnswersRemovedAt is not null ? booking.Sessions.Count : clinic.Plan.For(intake.Severity).Recommended;
    }

    private static SessionState State(SessionStatus status) => status switch
    {
        SessionStatus.Booked => SessionState.Booked,
        SessionStatus.Cancelled => SessionState.Cancelled,
        SessionStatus.Attended => SessionState.Attended,
        _ => SessionState.NoShow,
    };
}
