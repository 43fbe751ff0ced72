using Azure;
using Microneedling.Domain.Availability;
using Microneedling.Storage.Entities;
using Microneedling.Tables;
using NodaTime;
using NodaTime.Extensions;

namespace Microneedling.Storage.Bookings;

/// <summary>Claims and releases practitioners' time, and reads it back for availability.</summary>
public sealed class ScheduleRepository(ClinicTables tables)
{
    /// <summary>Longest a session and its buffer can last (8 h + 4 h): how far back to look for sessions still running.</summary>
    private static readonly TimeSpan LongestOccupancy = TimeSpan.FromHours(12);

    private TableClient Blocks => tables.ScheduleBlocks;

    private TableClient Sessions => tables.Schedule;

    /// <summary>The practitioner's taken time overlapping [from, to).</summary>
    public async Task<IReadOnlyList<BusyInterval>> GetBusyAsync(string practitionerId, Instant from, Instant to, CancellationToken cancellationToken)
    {
        var sessions = await GetSessionsAsync(practitionerId, from.ToDateTimeOffset() - LongestOccupancy, to.ToDateTimeOffset(), cancellationToken).ConfigureAwait(false);
        return [.. sessions.Where(s => s.BlockedUntil.ToInstant() > from).Select(s => new BusyInterval(practitionerId, s.Start.ToInstant(), s.BlockedUntil.ToInstant()))];
    }

    /// <summary>Sessions starting in [from, to), in start order.</summary>
    public async Task<IReadOnlyList<ScheduledSessionEntity>> GetSessionsAsync(string practitionerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {practitionerId} and RowKey ge {ScheduleKeys.SessionRangeStart(from)} and RowKey lt {ScheduleKeys.SessionRangeStart(to)}");
        var sessions = new List<ScheduledSessionEntity>();
        await foreach (var s in Sessions.QueryAsync<ScheduledSessionEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            sessions.Add(s);
        }

        return sessions;
    }

    /// <summary>
    /// Claims the session's blocks in one transaction, then writes its schedule row. If the same
    /// claim is already there (a resumed or retried write), that counts as claimed.
    /// </summary>
    public async Task<ClaimOutcome> ClaimAsync(SessionClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var actions = claim.Blocks.Select(b => new TableTransactionAction(TableTransactionActionType.Add, BlockRow(claim, b))).ToList();
        try
        {
            await Blocks.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex is { } index)
        {
            if (!await HeldBySameClaimAsync(claim, actions[index].Entity.RowKey, cancellationToken).ConfigureAwait(false))
            {
                return ClaimOutcome.Taken;
            }
        }

        await Sessions.UpsertEntityAsync(SessionRow(claim), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return ClaimOutcome.Claimed;
    }

    /// <summary>
    /// Moves a session within one practitioner's schedule: in one transaction new blocks are added,
    /// blocks both times share handed over and old blocks removed; then the schedule row follows.
    /// </summary>
    public async Task<ClaimOutcome> MoveAsync(SessionClaim from, SessionClaim to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from.PractitionerId != to.PractitionerId)
        {
            throw new ArgumentException("A move stays with one practitioner; claim and release across practitioners.", nameof(to));
        }

        var held = await OwnedBlocksAsync(from, cancellationToken).ConfigureAwait(false);
        var wanted = to.Blocks.ToList();
        var wantedKeys = wanted.Select(ScheduleKeys.Block).ToHashSet(StringComparer.Ordinal);
        var actions = new List<TableTransactionAction>();
        foreach (var block in wanted)
        {
            var key = ScheduleKeys.Block(block);
            actions.Add(held.TryGetValue(key, out var existing)
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, BlockRow(to, block), existing.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, BlockRow(to, block)));
        }

        foreach (var existing in held.Values.Where(h => !wantedKeys.Contains(h.RowKey)))
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, existing, existing.ETag));
        }

        try
        {
            await Blocks.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return ClaimOutcome.Taken;
        }

        await Sessions.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, SessionRow(to)),
            new TableTransactionAction(TableTransactionActionType.Delete, new ScheduledSessionEntity { PartitionKey = from.PractitionerId, RowKey = ScheduleKeys.Session(from.Start, from.BookingId, from.SessionNumber) }),
        ], cancellationToken).ConfigureAwait(false);
        return ClaimOutcome.Claimed;
    }

    /// <summary>Removes the claim's blocks (only those it owns) and its schedule row; what is already gone is fine.</summary>
    public async Task ReleaseAsync(SessionClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var owned = await OwnedBlocksAsync(claim, cancellationToken).ConfigureAwait(false);
        foreach (var block in owned.Values)
        {
            await DeleteIfPresentAsync(Blocks, claim.PractitionerId, block.RowKey, block.ETag, cancellationToken).ConfigureAwait(false);
        }

        await DeleteIfPresentAsync(Sessions, claim.PractitionerId, ScheduleKeys.Session(claim.Start, claim.BookingId, claim.SessionNumber), ETag.All, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Dictionary<string, BlockClaimEntity>> OwnedBlocksAsync(SessionClaim claim, CancellationToken cancellationToken)
    {
        var blocks = claim.Blocks.ToList();
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {claim.PractitionerId} and RowKey ge {ScheduleKeys.Block(blocks[0])} and RowKey le {ScheduleKeys.Block(blocks[^1])}");
        var owned = new Dictionary<string, BlockClaimEntity>(StringComparer.Ordinal);
        await foreach (var block in Blocks.QueryAsync<BlockClaimEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (claim.SameAs(block.BookingId, block.SessionNumber, block.SessionStart))
            {
                owned[block.RowKey] = block;
            }
        }

        return owned;
    }

    private async Task<bool> HeldBySameClaimAsync(SessionClaim claim, string rowKey, CancellationToken cancellationToken)
    {
        var existing = await Blocks.GetEntityIfExistsAsync<BlockClaimEntity>(claim.PractitionerId, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return existing.HasValue && claim.SameAs(existing.Value!.BookingId, existing.Value.SessionNumber, existing.Value.SessionStart);
    }

    private static async Task DeleteIfPresentAsync(TableClient table, string partitionKey, string rowKey, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, etag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Gone already, or re-owned by a newer claim of the same session: nothing of ours to remove.
        }
    }

    private static BlockClaimEntity BlockRow(SessionClaim claim, DateTimeOffset block) => new()
    {
        PartitionKey = claim.PractitionerId,
        RowKey = ScheduleKeys.Block(block),
        BookingId = claim.BookingId,
        SessionNumber = claim.SessionNumber,
        SessionStart = claim.Start,
    };

    private static ScheduledSessionEntity SessionRow(SessionClaim claim) => new()
    {
        PartitionKey = claim.PractitionerId,
        RowKey = ScheduleKeys.Session(claim.Start, claim.BookingId, claim.SessionNumber),
        BookingId = claim.BookingId,
        SessionNumber = claim.SessionNumber,
        LocationId = claim.LocationId,
        Start = claim.Start,
        End = claim.End,
        BlockedUntil = claim.BlockedUntil,
    };
}
