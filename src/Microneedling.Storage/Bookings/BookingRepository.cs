using Azure;
using Microneedling.Storage.Entities;
using Microneedling.Tables;

namespace Microneedling.Storage.Bookings;

/// <summary>A booking and its sessions, one partition, always written together.</summary>
public sealed record StoredBooking(BookingEntity Header, IReadOnlyList<SessionEntity> Sessions)
{
    public SessionEntity? Session(int number) => Sessions.FirstOrDefault(s => s.Number == number);
}

public sealed class BookingRepository(ClinicTables tables)
{
    private TableClient Table => tables.Bookings;

    /// <summary>Writes a new booking, with its receipt if given; false if one with that id exists already (a resumed write).</summary>
    public async Task<bool> AddAsync(BookingEntity header, IReadOnlyList<SessionEntity> sessions, ReceiptEntity? receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(sessions);
        var rows = new List<ITableEntity> { header };
        rows.AddRange(sessions);
        if (receipt is not null)
        {
            receipt.PartitionKey = header.PartitionKey;
            receipt.RowKey = ReceiptEntity.Row;
            rows.Add(receipt);
        }

        var actions = rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r));
        try
        {
            await Table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Marks a booking id as abandoned before anything was written under it; false if the booking exists.</summary>
    public async Task<bool> AddTombstoneAsync(string bookingId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(new BookingEntity { PartitionKey = bookingId, RowKey = BookingEntity.Row, Status = BookingStatus.Abandoned, CreatedAt = now, UpdatedAt = now }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<StoredBooking?> GetAsync(string bookingId, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsValidKey(bookingId))
        {
            return null;
        }

        var header = await Table.GetEntityIfExistsAsync<BookingEntity>(bookingId, BookingEntity.Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!header.HasValue)
        {
            return null;
        }

        // Point reads, not a partition query: they stay cheap however large the table grows.
        var reads = await Task.WhenAll(Enumerable.Range(1, header.Value!.SessionCount)
            .Select(n => Table.GetEntityIfExistsAsync<SessionEntity>(bookingId, SessionEntity.RowFor(n), cancellationToken: cancellationToken))).ConfigureAwait(false);
        var sessions = reads.Where(r => r.HasValue).Select(r => r.Value!);
        return new StoredBooking(header.Value!, [.. sessions.OrderBy(s => s.Number)]);
    }

    /// <summary>The response given when the booking was created under an <c>Idempotency-Key</c>; null if not (yet) written.</summary>
    public async Task<ReceiptEntity?> GetReceiptAsync(string bookingId, CancellationToken cancellationToken)
    {
        if (!TableKeys.IsValidKey(bookingId))
        {
            return null;
        }

        var receipt = await Table.GetEntityIfExistsAsync<ReceiptEntity>(bookingId, ReceiptEntity.Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return receipt.HasValue ? receipt.Value : null;
    }

    /// <summary>Replaces the header and the given sessions together, each only if unchanged since read (412 otherwise).</summary>
    public async Task SaveAsync(BookingEntity header, IEnumerable<SessionEntity> changedSessions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(changedSessions);
        var actions = changedSessions.Select(s => new TableTransactionAction(TableTransactionActionType.UpdateReplace, s, s.ETag))
            .Prepend(new TableTransactionAction(TableTransactionActionType.UpdateReplace, header, header.ETag));
        await Table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
    }

    public static bool IsConcurrencyFailure(RequestFailedException ex) => ex.Status is 412 or 409;
}
