using Microneedling.Domain.Clinics;
using Microneedling.Domain.Reminders;
using Microneedling.Storage.Bookings;
using Microneedling.Storage.Entities;
using Microneedling.Storage.Reminders;
using NodaTime.Extensions;

namespace Microneedling.Functions.Reminders;

/// <summary>
/// After a booking change, schedules its emails: the change's own email now (confirmation,
/// reschedule, cancellation) and each booked session's planned reminders. Reminder identities are
/// deterministic, so running it twice (as recovery may) schedules nothing twice.
/// </summary>
public sealed class ReminderScheduler(Clinic clinic, ReminderRepository reminders) : IBookingFollowUp
{
    public async Task OnChangedAsync(StoredBooking booking, BookingChange change, IReadOnlyCollection<int> sessionNumbers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(sessionNumbers);
        var id = booking.Header.PartitionKey;
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

        if (change != BookingChange.Cancelled)
        {
            foreach (var session in affected.Where(s => s.Status == SessionStatus.Booked))
            {
                scheduled.AddRange(ReminderPlanner.ForSession(session.Start.ToInstant(), now.ToInstant(), clinic, service)
                    .Select(r => ReminderEntity.Create(id, session.Number, session.Sequence, r.Kind, r.DueAt.ToDateTimeOffset(), r.StaleAt.ToDateTimeOffset())));
            }
        }

        await reminders.ScheduleAsync(scheduled, cancellationToken).ConfigureAwait(false);
    }
}
