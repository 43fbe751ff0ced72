using Azure.Data.Tables;
using Microneedling.Storage.Tables;

namespace Microneedling.Storage.Reminders;

/// <summary>What became of each email of a booking, kept in the booking's own partition of the Bookings table.</summary>
public sealed class EmailLog(ClinicTables tables)
{
    /// <summary>Records (or overwrites, for a retried reminder) the outcome of one reminder; <paramref name="shown"/> notes which session sequences a sent email showed.</summary>
    public async Task RecordAsync(ReminderEntity reminder, EmailOutcome outcome, string? detail, DateTimeOffset now, string? shown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        await tables.Bookings.UpsertAsync(new EmailRecordEntity
        {
            PartitionKey = reminder.BookingId,
            RowKey = EmailRecordEntity.RowPrefix + reminder.RowKey[20..],
            Kind = reminder.Kind,
            SessionNumber = reminder.SessionNumber,
            OperationId = reminder.OperationId,
            Outcome = outcome,
            Detail = detail,
            At = now,
            Attempts = reminder.Attempts,
            Shown = shown,
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<EmailRecordEntity>> OfBookingAsync(string bookingId, CancellationToken cancellationToken)
    {
        var records = new List<EmailRecordEntity>();
        if (!TableKeys.IsValidKey(bookingId))
        {
            return records;
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {bookingId} and RowKey ge {EmailRecordEntity.RowPrefix} and RowKey lt {"email`"}");
        await foreach (var record in tables.Bookings.QueryAsync<EmailRecordEntity>(filter, cancellationToken).ConfigureAwait(false))
        {
            records.Add(record);
        }

        return records;
    }
}
