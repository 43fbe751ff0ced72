using Azure;
using Azure.Data.Tables;
using Microneedling.Domain.Availability;
using Microneedling.Storage.Entities;
using Microneedling.Storage.Tables;
using NodaTime;
using NodaTime.Extensions;

namespace Microneedling.Storage.Bookings;

/// <summary>
/// Claims and releases practitioners' time, and reads it back for availability. A change reads the
/// days it touches, checks them and writes them back only if unchanged since read (ETags), so of two
/// overlapping claims only one can succeed; the other reads again and finds the time taken. A
/// practitioner's days share a partition, so a change spanning days is still one transaction.
/// </summary>
public sealed class ScheduleRepository(ClinicTables tables)
{
    /// <summary>Rounds of read-check-write before giving up: each lost round means another writer won one.</summary>
    private const int MaxAttempts = 50;

    private readonly KnownDays _known = new();

    private GuardedTable Days => tables.Schedule;

    /// <summary>The practitioner's taken time overlapping [from, to).</summary>
    public async Task<IReadOnlyList<BusyInterval>> GetBusyAsync(string practitionerId, Instant from, Instant to, CancellationToken cancellationToken)
    {
        var (start, end) = (from.ToDateTimeOffset(), to.ToDateTimeOffset());
        var sessions = await ReadAsync(practitionerId, start, end, cancellationToken).ConfigureAwait(false);
        return [.. sessions.Where(s => s.Start < end && s.BlockedUntil > start).OrderBy(s => s.Start).Select(s => new BusyInterval(practitionerId, s.Start.ToInstant(), s.BlockedUntil.ToInstant()))];
    }

    /// <summary>Sessions starting in [from, to), in start order.</summary>
    public async Task<IReadOnlyList<SessionClaim>> GetSessionsAsync(string practitionerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var sessions = await ReadAsync(practitionerId, from, to, cancellationToken).ConfigureAwait(false);
        return [.. sessions.Where(s => s.Start >= from && s.Start < to).OrderBy(s => s.Start)];
    }

    /// <summary>Adds the session to its practitioner's days. If the same claim is already there (a resumed or retried write), that counts as claimed.</summary>
    public Task<ClaimOutcome> ClaimAsync(SessionClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return ChangeAsync(claim.PractitionerId, [claim], sessions => Add(sessions, claim), cancellationToken);
    }

    /// <summary>Moves a session within one practitioner's schedule in one transaction: the new time is checked against everything but the old.</summary>
    public Task<ClaimOutcome> MoveAsync(SessionClaim from, SessionClaim to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from.PractitionerId != to.PractitionerId)
        {
            throw new ArgumentException("A move stays with one practitioner; claim and release across practitioners.", nameof(to));
        }

        return ChangeAsync(from.PractitionerId, [from, to], sessions =>
        {
            sessions.RemoveAll(from.SameAs);
            return Add(sessions, to);
        }, cancellationToken);
    }

    /// <summary>Removes the session from its practitioner's days; what is already gone is fine.</summary>
    public async Task ReleaseAsync(SessionClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await ChangeAsync(claim.PractitionerId, [claim], sessions =>
        {
            sessions.RemoveAll(claim.SameAs);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static bool Add(List<SessionClaim> sessions, SessionClaim claim)
    {
        if (sessions.Exists(claim.SameAs))
        {
            return true;
        }

        if (sessions.Exists(claim.Overlaps))
        {
            return false;
        }

        sessions.Add(claim);
        return true;
    }

    /// <summary>
    /// Reads the days the claims touch, lets <paramref name="edit"/> change their sessions (false:
    /// refused, nothing written), and writes back the days that changed, each only if unchanged since
    /// read. The first round starts from the days as this process last knew them, which saves the
    /// reads when it still holds the latest versions; a refusal or a no-op from remembered days is
    /// checked against fresh reads before it counts.
    /// </summary>
    private async Task<ClaimOutcome> ChangeAsync(string practitionerId, IReadOnlyList<SessionClaim> touching, Func<List<SessionClaim>, bool> edit, CancellationToken cancellationToken)
    {
        var keys = touching.SelectMany(c => ScheduleDayEntity.Keys(c.Start, c.BlockedUntil)).Distinct(StringComparer.Ordinal).ToList();
        var fresh = false;
        for (var attempt = 1; ; attempt++)
        {
            var days = await Task.WhenAll(keys.Select(key => DayAsync(practitionerId, key, fresh, cancellationToken))).ConfigureAwait(false);
            var remembered = days.Any(d => d.Remembered);
            var sessions = days.SelectMany(d => d.Entity?.Read() ?? []).Distinct().ToList();
            var accepted = edit(sessions);
            var changes = accepted ? Changes(practitionerId, days, sessions) : [];
            if (changes.Count == 0)
            {
                if (!remembered)
                {
                    return accepted ? ClaimOutcome.Claimed : ClaimOutcome.Taken;
                }

                fresh = true;
                continue;
            }

            try
            {
                await WriteAsync(changes, cancellationToken).ConfigureAwait(false);
                return ClaimOutcome.Claimed;
            }
            catch (RequestFailedException ex) when ((ex.Status is 404 or 409 or 412) && attempt < MaxAttempts)
            {
                // Another writer changed one of these days first: read again.
                fresh = true;
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * Math.Min(attempt, 10))), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<(string Key, ScheduleDayEntity? Entity, bool Remembered)> DayAsync(string practitionerId, string key, bool fresh, CancellationToken cancellationToken)
    {
        if (!fresh && _known.TryGet(practitionerId, key, out var known))
        {
            return (key, known, true);
        }

        var entity = await Days.GetIfExistsAsync<ScheduleDayEntity>(practitionerId, key, cancellationToken).ConfigureAwait(false);
        _known.Remember(practitionerId, key, entity);
        return (key, entity, false);
    }

    private static List<TableTransactionAction> Changes(string practitionerId, IEnumerable<(string Key, ScheduleDayEntity? Entity, bool Remembered)> days, List<SessionClaim> sessions)
    {
        var actions = new List<TableTransactionAction>();
        foreach (var (key, existing, _) in days)
        {
            var text = ScheduleDayEntity.Write(sessions.Where(s => ScheduleDayEntity.Keys(s.Start, s.BlockedUntil).Contains(key)));
            if (text == (existing?.Sessions ?? string.Empty))
            {
                continue;
            }

            var row = new ScheduleDayEntity { PartitionKey = practitionerId, RowKey = key, Sessions = text };
            actions.Add(existing is null ? new TableTransactionAction(TableTransactionActionType.Add, row)
                : text.Length == 0 ? new TableTransactionAction(TableTransactionActionType.Delete, existing, existing.ETag)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, existing.ETag));
        }

        return actions;
    }

    /// <summary>One request for one day (the usual case), a transaction for more; then remembers the days as written.</summary>
    private async Task WriteAsync(List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            var responses = actions.Count == 1
                ? [await WriteOneAsync(actions[0], cancellationToken).ConfigureAwait(false)]
                : await Days.SubmitAsync(actions, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < actions.Count; i++)
            {
                var action = actions[i];
                action.Entity.ETag = responses[i].Headers.ETag ?? default;
                _known.Remember(action.Entity.PartitionKey, action.Entity.RowKey, action.ActionType == TableTransactionActionType.Delete ? null : (ScheduleDayEntity)action.Entity);
            }
        }
        catch (RequestFailedException)
        {
            foreach (var action in actions)
            {
                _known.Forget(action.Entity.PartitionKey, action.Entity.RowKey);
            }

            throw;
        }
    }

    private async Task<Response> WriteOneAsync(TableTransactionAction action, CancellationToken cancellationToken)
    {
        var entity = action.Entity;
        switch (action.ActionType)
        {
            case TableTransactionActionType.Add:
                return await Days.AddAsync(entity, cancellationToken).ConfigureAwait(false);
            case TableTransactionActionType.Delete:
                var deleted = await Days.DeleteAsync(entity.PartitionKey, entity.RowKey, action.ETag, cancellationToken).ConfigureAwait(false);

                // The SDK answers a missing row with its 404 instead of throwing: another writer removed it first.
                return deleted.Status == 404 ? throw new RequestFailedException(deleted) : deleted;
            default:
                return await Days.ReplaceAsync(entity, action.ETag, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The distinct sessions listed on the days [from, to) touches.</summary>
    private async Task<HashSet<SessionClaim>> ReadAsync(string practitionerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var sessions = new HashSet<SessionClaim>();
        if (to <= from)
        {
            return sessions;
        }

        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {practitionerId} and RowKey ge {ScheduleDayEntity.Key(from)} and RowKey le {ScheduleDayEntity.Key(to.AddTicks(-1))}");
        await foreach (var day in Days.QueryAsync<ScheduleDayEntity>(filter, cancellationToken).ConfigureAwait(false))
        {
            sessions.UnionWith(day.Read());
        }

        return sessions;
    }
}
