using Azure;
using Azure.Data.Tables;
using Microneedling.Storage.Entities;

namespace Microneedling.Storage.PatientData;

/// <summary>
/// The Bookings table: every row of each of the patient's booking partitions. The header is
/// anonymised (it stays, so the clinic's history and the practitioners' schedule still add up),
/// the sessions are kept (a time and a status), everything else in the partition goes: the
/// response stored for Idempotency-Key replays, the email log, and any kind of row added later.
/// </summary>
internal sealed class BookingRows(ClinicTables tables) : PatientDataTable(
    "Bookings",
    "Each booking's header (the patient's name and email address, the intake it was made with, a hash of the manage token), its sessions (practitioner, times, status), the response kept for Idempotency-Key replays (which repeats the name and address) and the log of its emails (kind, outcome, ACS operation id).")
{
    public override async Task<IReadOnlyList<PatientRow>> FindAsync(LocatedPatient patient, CancellationToken cancellationToken)
    {
        var rows = new List<PatientRow>();
        foreach (var bookingId in patient.BookingIds)
        {
            foreach (var row in await QueryAsync(tables.Bookings, TableClient.CreateQueryFilter($"PartitionKey eq {bookingId}"), cancellationToken).ConfigureAwait(false))
            {
                var onErase = row.RowKey == BookingEntity.Row ? ErasureAction.Anonymise
                    : row.RowKey.StartsWith("session-", StringComparison.Ordinal) ? ErasureAction.Keep
                    : ErasureAction.Delete;
                rows.Add(new PatientRow(this, tables.Bookings, row, $"{bookingId}/{row.RowKey}", onErase));
            }
        }

        return rows;
    }

    public override Task EraseAsync(PatientRow row, DateTimeOffset now, CancellationToken cancellationToken) =>
        row.OnErase == ErasureAction.Anonymise
            ? AnonymiseAsync(tables, row.Entity.PartitionKey, now, cancellationToken)
            : DeleteAsync(row, cancellationToken);

    /// <summary>Removes what identifies the patient from a booking's header (erasure and retention alike); a header already gone is left gone.</summary>
    internal static async Task AnonymiseAsync(ClinicTables tables, string bookingId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var blank = new TableEntity(bookingId, BookingEntity.Row)
        {
            [nameof(BookingEntity.PatientName)] = string.Empty,
            [nameof(BookingEntity.PatientEmail)] = string.Empty,
            [nameof(BookingEntity.ManageTokenHash)] = string.Empty,
            [nameof(BookingEntity.IntakeId)] = string.Empty,
            [nameof(BookingEntity.AnonymisedAt)] = now,
        };
        try
        {
            await tables.Bookings.MergeAsync(blank, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }
}
