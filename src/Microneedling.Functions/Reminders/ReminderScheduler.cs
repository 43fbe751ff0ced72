using Microneedling.Domain.Clinics;
using Microneedling.Domain.Reminders;
using Microneedling.Storage.Bookings;
using Microneedling.Storage.Entities;
using Microneedling.Storage.Reminders;
using NodaTime.Extensions;

namespace Microneedling.Functions.Reminders;

/// <summary>
/// After a booking change, schedules the change's own email, due now (confirmation, reschedule,
/// cancellation): that is all that must exist before the change is acknowledged. When the sweep
/// processes that email it schedules the sessions' planned reminders (pre-care, aftercare, ...),
/// keeping them off the booking request. Reminder identities are deterministic, so running either
/// step twice (as recovery or a taken-over sweep may) schedules nothing twice.
/// </summary>
public sealed class ReminderScheduler(Clinic clinic, ReminderRepository reminders) : IBookingFollowUp
{
    public async Task OnChangedAsync(StoredBooking booking, BookingChange change, IReadOnlyCollection<int> sessionNumbers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(sessionNumbers);
        var id = booking.Header.Id;
        var service = clinic.FindService(booking.Header.ServiceId)?.Kind ?? ServiceKind.Microneedling;
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
            case BookingChange.Cancelled:
                scheduled.AddRange(affected.Select(s => ReminderEntity.Create(id, s.Number, s.Sequence, ReminderKind.Cancelled, now, s.Start)));
                break;
        }

        await reminders.ScheduleAsync(scheduled, cancellationToken).ConfigureAwait(false);
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
