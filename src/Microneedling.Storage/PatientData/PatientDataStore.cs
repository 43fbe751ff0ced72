using Microneedling.Storage.Bookings;
using Microneedling.Storage.Entities;

namespace Microneedling.Storage.PatientData;

/// <summary>
/// Export and erasure of one patient, found by their email address, both through the
/// <see cref="PatientDataInventory"/>. Erasure first cancels the patient's future sessions through
/// the booking workflow (their time is freed), without the cancellation email: the patient asked to
/// be forgotten. Then it deletes or anonymises every row the inventory finds, the booking headers
/// last, since the address on them is how the patient is found: an erasure that dies midway is
/// finished by the next, and erasing twice finds nothing the second time.
/// </summary>
public sealed class PatientDataStore(ClinicTables tables, BookingRepository bookings, ScheduleRepository schedule, RecoveryRepository recovery)
{
    private const int CancelAttempts = 3;
    private readonly PatientDataInventory _inventory = new(tables);
    private readonly BookingWorkflow _withoutEmails = new(bookings, schedule, recovery, new NoFollowUp());

    public PatientDataInventory Inventory => _inventory;

    public async Task<PatientExport> ExportAsync(string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var patient = await PatientDataInventory.LocateAsync(tables, email, cancellationToken).ConfigureAwait(false);
        var rows = await _inventory.FindAsync(patient, cancellationToken).ConfigureAwait(false);
        return new PatientExport(patient.BookingIds, [.. rows.Select(r => r.ToItem(tables.Prefix))]);
    }

    public async Task<ErasureReceipt> EraseAsync(string email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var patient = await PatientDataInventory.LocateAsync(tables, email, cancellationToken).ConfigureAwait(false);
        var cancelled = 0;
        foreach (var bookingId in patient.BookingIds)
        {
            cancelled += await CancelFutureSessionsAsync(bookingId, now, cancellationToken).ConfigureAwait(false);
        }

        var rows = (await _inventory.FindAsync(patient, cancellationToken).ConfigureAwait(false))
            .Where(r => r.OnErase != ErasureAction.Keep)
            .OrderBy(r => r.OnErase == ErasureAction.Anonymise)
            .ToList();
        foreach (var row in rows)
        {
            await row.Owner.EraseAsync(row, now, cancellationToken).ConfigureAwait(false);
        }

        return new ErasureReceipt(patient.BookingIds, cancelled, [.. rows.Select(r => new ErasedItem(r.Table.Name[tables.Prefix.Length..], r.Record, r.OnErase))]);
    }

    /// <summary>Cancels the booking's sessions still to come; a change made meanwhile is read again.</summary>
    private async Task<int> CancelFutureSessionsAsync(string bookingId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < CancelAttempts; attempt++)
        {
            var booking = await bookings.GetAsync(bookingId, cancellationToken).ConfigureAwait(false);
            var future = booking?.Header.Status == BookingStatus.Confirmed
                ? booking.Sessions.Where(s => s.Status == SessionStatus.Booked && s.Start > now).Select(s => s.Number).ToList()
                : [];
            if (future.Count == 0)
            {
                return 0;
            }

            var result = await _withoutEmails.CancelAsync(booking!, future, now, cancellationToken).ConfigureAwait(false);
            if (result.Outcome == WriteOutcome.Done)
            {
                return future.Count;
            }
        }

        throw new InvalidOperationException($"Booking {bookingId} kept changing while its sessions were being cancelled; erase again.");
    }
}
