using Azure;
using Azure.Data.Tables;
using Microneedling.Storage.Entities;
using Microneedling.Storage.Tables;

namespace Microneedling.Storage.Bookings;

/// <summary>A booking and its sessions, one partition, always written together.</summary>
public sealed record StoredBooking(BookingEntity Header, IReadOnlyList<SessionEntity> Sessions)
{
    public SessionEntity? Session(int number) => Sessions.FirstOrDefault(s => s.Number == number);
}

public sealed class BookingRepository(ClinicTables tables)
{
    private GuardedTable Table => tables.Bookings;

    /// <summary>Writes a new booking, with its receipt if given; false if one with that id exists already (a resumed write).</summary>
    public async Task<bool> AddAsync(BookingEntity header, IReadOnlyList<SessionEntity> sessions, ReceiptEntity? receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(sessions);
        var actions = new List<TableTransactionAction>(sessions.Count + 2) { new(TableTransactionActionType.Add, header) };
        foreach (var session in sessions)
        {
            session.PartitionKey = header.Id;
            session.RowKey = SessionEntity.RowFor(session.Number);
            actions.Add(new(TableTransactionActionType.Add, session));
        }

        if (receipt is not null)
        {
            receipt.PartitionKey = header.Id;
            receipt.RowKey = ReceiptEntity.Row;
            actions.Add(new(TableTransactionActionType.Add, receipt));
        }

        try
        {
            await Table.SubmitAsync(actions, cancellationToken).ConfigureAwait(false);
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
            await Table.AddAsync(new BookingEntity { Id = bookingId, Status = BookingStatus.Abandoned, CreatedAt = now, UpdatedAt = now }, cancellationToken).ConfigureAwait(false);
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

        var header = await Table.GetIfExistsAsync<BookingEntity>(bookingId, BookingEntity.Row, cancellationToken).ConfigureAwait(false);
        if (header is null)
        {
            return null;
        }

        // Point reads, not a partition query: they stay cheap however large the table grows.
        var reads = new Task<SessionEntity?>[header.SessionCount];
        for (var n = 1; n <= reads.Length; n++)
        {
            reads[n - 1] = Table.GetIfExistsAsync<SessionEntity>(bookingId, SessionEntity.RowFor(n), cancellationToken);
        }

        var sessions = await Task.WhenAll(reads).ConfigureAwait(false);
        return new StoredBooking(header, [.. sessions.OfType<SessionEntity>().OrderBy(s => s.Number)]);
    }

    /// <summary>The response given when the booking was created under an <c>Idempotency-Key</c>; null if not (yet) written.</summary>
    public async Task<ReceiptEntity?> GetReceiptAsync(string bookingId, CancellationToken cancellationToken) =>
        TableKeys.IsValidKey(bookingId)
            ? await Table.GetIfExistsAsync<ReceiptEntity>(bookingId, ReceiptEntity.Row, cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>Replaces the header and the given sessions together, each only if unchanged since read (412 otherwise).</summary>
    public async Task SaveAsync(BookingEntity header, IEnumerable<SessionEntity> changedSessions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(changedSessions);
        List<TableTransactionAction> actions = [new(TableTransactionActionType.UpdateReplace, header, header.ETag)];
        actions.AddRange(changedSessions.Select(s => new TableTransactionAction(TableTransactionActionType.UpdateReplace, s, s.ETag)));
        await Table.SubmitAsync(actions, cancellationToken).ConfigureAwait(false);
    }

    public static bool IsConcurrencyFailure(RequestFailedException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex.Status is 412 or 409;
    }
}
