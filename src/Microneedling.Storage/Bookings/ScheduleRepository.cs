using Azure;
using Microneedling.Domain.Availability;
using Microneedling.Storage.Entities;
using Microneedling.Tables;
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

    private TableClient Days => tables.Schedule;

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
    /// refused, nothing written), and writes back the days that changed, each only if unchanged since read.
    /// </summary>
    private async Task<ClaimOutcome> ChangeAsync(string practitionerId, IReadOnlyList<SessionClaim> touching, Func<List<SessionClaim>, bool> edit, CancellationToken cancellationToken)
    {
        var keys = touching.SelectMany(c => ScheduleDayEntity.Keys(c.Start, c.BlockedUntil)).Distinct(StringComparer.Ordinal).ToList();
        for (var attempt = 1; ; attempt++)
        {
            var days = await Task.WhenAll(keys.Select(key => ReadDayAsync(practitionerId, key, cancellationToken))).ConfigureAwait(false);
            var sessions = days.SelectMany(d => d.Entity?.Read() ?? []).Distinct().ToList();
            if (!edit(sessions))
            {
                return ClaimOutcome.Taken;
            }

            try
            {
                await WriteAsync(Changes(practitionerId, days, sessions), cancellationToken).ConfigureAwait(false);
                return ClaimOutcome.Claimed;
            }
            catch (RequestFailedException ex) when ((ex.Status is 404 or 409 or 412) && attempt < MaxAttempts)
            {
                // Another writer changed one of these days first: read again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * Math.Min(attempt, 10))), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<(string Key, ScheduleDayEntity? Entity)> ReadDayAsync(string practitionerId, string key, CancellationToken cancellationToken)
    {
        var day = await Days.GetEntityIfExistsAsync<ScheduleDayEntity>(practitionerId, key, cancellationToken: cancellationToken).ConfigureAwait(false);
        return (key, day.HasValue ? day.Value : null);
    }

    private static List<TableTransactionAction> Changes(string practitionerId, IEnumerable<(string Key, ScheduleDayEntity? Entity)> days, List<SessionClaim> sessions)
    {
        var actions = new List<TableTransactionAction>();
        foreach (var (key, existing) in days)
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

    /// <summary>One request for one day (the usual case), a transaction for more.</summary>
    private Task WriteAsync(List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        if (actions.Count != 1)
        {
            return actions.Count == 0 ? Task.CompletedTask : Days.SubmitTransactionAsync(actions, cancellationToken);
        }

        var (type, entity, etag) = actions[0];
        return type switch
        {
            TableTransactionActionType.Add => Days.AddEntityAsync(entity, cancellationToken),
            TableTransactionActionType.Delete => Days.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, etag, cancellationToken),
            _ => Days.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken),
        };
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
        await foreach (var day in Days.QueryAsync<ScheduleDayEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            sessions.UnionWith(day.Read());
        }

        return sessions;
    }
}
