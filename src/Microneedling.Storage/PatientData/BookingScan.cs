using Azure.Data.Tables;
using Microneedling.Domain.Retention;
using Microneedling.Storage.Entities;
using Microneedling.Storage.Reminders;
using NodaTime;

namespace Microneedling.Storage.PatientData;

/// <summary>What retention needs of one booking: when it was made, its last activity, its intake, whether it is anonymised already.</summary>
internal sealed record BookingFacts(Instant Created, Instant LastActivity, string IntakeId, bool Anonymised);

/// <summary>
/// One pass over the Bookings table reading only the properties retention decides on: each
/// booking's facts, which bookings still have a stored replay response, and every email log entry.
/// Tombstones of abandoned bookings hold nothing and are skipped.
/// </summary>
internal sealed class BookingScan
{
    private static readonly string[] Select =
    [
        "PartitionKey", "RowKey", nameof(BookingEntity.Status), nameof(BookingEntity.IntakeId), nameof(BookingEntity.CreatedAt), nameof(BookingEntity.UpdatedAt),
        nameof(BookingEntity.AnonymisedAt), nameof(SessionEntity.Start), nameof(EmailRecordEntity.At),
    ];

    public Dictionary<string, BookingFacts> Headers { get; } = new(StringComparer.Ordinal);

    public List<string> Receipts { get; } = [];

    public List<(string BookingId, string RowKey, Instant SentAt)> EmailLogs { get; } = [];

    public static async Task<BookingScan> ReadAsync(ClinicTables tables, CancellationToken cancellationToken)
    {
        var scan = new BookingScan();
        var headers = new List<TableEntity>();
        var sessions = new Dictionary<string, List<(Instant Start, bool Cancelled)>>(StringComparer.Ordinal);
        await foreach (var row in tables.Bookings.Client.QueryAsync<TableEntity>(select: Select, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey == BookingEntity.Row)
            {
                headers.Add(row);
            }
            else if (row.RowKey == ReceiptEntity.Row)
            {
                scan.Receipts.Add(row.PartitionKey);
            }
            else if (row.RowKey.StartsWith(EmailRecordEntity.RowPrefix, StringComparison.Ordinal) && row.GetDateTimeOffset(nameof(EmailRecordEntity.At)) is { } sent)
            {
                scan.EmailLogs.Add((row.PartitionKey, row.RowKey, Instant.FromDateTimeOffset(sent)));
            }
            else if (row.GetDateTimeOffset(nameof(SessionEntity.Start)) is { } start)
            {
                var list = sessions.TryGetValue(row.PartitionKey, out var found) ? found : sessions[row.PartitionKey] = [];
                list.Add((Instant.FromDateTimeOffset(start), row.GetString(nameof(SessionEntity.Status)) == nameof(SessionStatus.Cancelled)));
            }
        }

        foreach (var header in headers.Where(h => h.GetString(nameof(BookingEntity.Status)) != nameof(BookingStatus.Abandoned)))
        {
            var created = Instant.FromDateTimeOffset(header.GetDateTimeOffset(nameof(BookingEntity.CreatedAt)) ?? DateTimeOffset.MinValue);
            var updated = header.GetDateTimeOffset(nameof(BookingEntity.UpdatedAt)) is { } u ? Instant.FromDateTimeOffset(u) : created;
            scan.Headers[header.PartitionKey] = new BookingFacts(
                created,
                RetentionRules.LastActivity(updated, sessions.TryGetValue(header.PartitionKey, out var s) ? s : []),
                header.GetString(nameof(BookingEntity.IntakeId)) ?? string.Empty,
                header.GetDateTimeOffset(nameof(BookingEntity.AnonymisedAt)) is not null);
        }

        return scan;
    }
}
