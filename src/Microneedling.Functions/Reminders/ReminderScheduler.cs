using Microneedling.Domain.Clinics;
using Microneedling.Domain.Reminders;
using Microneedling.Storage.Bookings;
using Microneedling.Storage.Entities;
using Microneedling.Storage.Reminders;
using Microsoft.Extensions.Options;
using NodaTime.Extensions;

namespace Microneedling.Functions.Reminders;

/// <summary>
/// After a booking change, schedules the change's own email, due now (confirmation, reschedule,
/// cancellation): that is all that must exist before the change is acknowledged. When the sweep
/// processes that email it schedules the sessions' planned reminders (pre-care, aftercare, ...),
/// keeping them off the booking request. Reminder identities are deterministic, so running either
/// step twice (as recovery or a taken-over sweep may) schedules nothing twice. Once stored, the
/// change's email is queued to go at once; the sweep is the backstop.
/// </summary>
public sealed class ReminderScheduler(Clinic clinic, ReminderQueue reminders, ChangeEmailQueue queue, IOptions<ChangeEmailOptions> options) : IBookingFollowUp
{
    public async Task OnChangedAsync(StoredBooking booking, BookingChange change, IReadOnlyCollection<int> sessionNumbers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(sessionNumbers);
        var id = booking.Header.Id;
        var scheduled = new List<ReminderEntity>();
        var affected = booking.Sessions.Where(s => sessionNumbers.Contains(s.Number)).ToList();
        switch (change)
        {
            case BookingChange.Created when affected.Count > 0:
                var first = affected.MinBy(s => s.Start)!;
                scheduled.Add(ReminderEntity.Create(id, first.Number, first.Sequence, ReminderKind.BookingConfirmation, now, first.Start));
                break;
            case BookingChange.Rescheduled:
                scheduled.AddRange(affected.Select(s => ReminderEntity.Create(id, s.Number, s.Sequence, ReminderKind.Rescheduled, now, s.Start)));
                break;
            case BookingChange.Cancelled when affected.Count > 0:
                // One email for everything one request cancelled, identified by the first session.
                var earliest = affected.MinBy(s => s.Number)!;
                scheduled.Add(ReminderEntity.Create(id, [.. affected.Select(s => s.Number)], earliest.Sequence, ReminderKind.Cancelled, now, affected.Max(s => s.Start)));
                break;
        }

        await reminders.ScheduleAsync(scheduled, cancellationToken).ConfigureAwait(false);
        if (options.Value.SendChangeEmailsAtOnce)
        {
            scheduled.ForEach(queue.Enqueue);
        }
    }

    /// <summary>The planned reminders of the booked sessions a confirmation or reschedule email is about.</summary>
    public async Task ScheduleFollowingAsync(StoredBooking booking, ReminderEntity changeEmail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(changeEmail);
        var id = booking.Header.Id;
        var service = clinic.FindService(booking.Header.ServiceId)?.Kind ?? ServiceKind.Microneedling;
        var sessions = changeEmail.Kind == ReminderKind.BookingConfirmation
            ? booking.Sessions
            : booking.Sessions.Where(s => s.Number == changeEmail.SessionNumber);
        var scheduled = sessions.Where(s => s.Status == SessionStatus.Booked).SelectMany(session =>
            ReminderPlanner.ForSession(session.Start.ToInstant(), now.ToInstant(), clinic, service)
                .Select(r => ReminderEntity.Create(id, session.Number, session.Sequence, r.Kind, r.DueAt.ToDateTimeOffset(), r.StaleAt.ToDateTimeOffset())));
        await reminders.ScheduleAsync(scheduled, cancellationToken).ConfigureAwait(false);
    }
}
