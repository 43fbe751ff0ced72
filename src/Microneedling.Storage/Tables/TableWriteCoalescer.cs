using Azure;
using Azure.Data.Tables;

namespace Microneedling.Storage.Tables;

/// <summary>
/// Group commit for single-entity writes to one table: writes to a partition that arrive while an
/// earlier write to it is in flight wait, then go together as one entity-group transaction (up to
/// 100). A write that finds its partition idle goes at once, as a plain request, so a lone caller
/// sees exactly what the SDK's client would do. Each caller gets its own write's outcome:
/// a transaction the service refuses (or one the client cannot build, for an entity it cannot
/// store) is sent again one write at a time, in arrival order, so one write's failure never fails
/// another's. Use it for independent writes that many requests make to a shared partition (an
/// intent log, an outbox); writes that must succeed or fail together belong in an explicit
/// transaction.
/// </summary>
internal sealed class TableWriteCoalescer(GuardedTable table)
{
    public const int MaxBatch = 100;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<PendingWrite>> _waiting = new(StringComparer.Ordinal);

    private readonly GuardedTable _table = table ?? throw new ArgumentNullException(nameof(table));

    /// <summary>Inserts, as <see cref="GuardedTable.AddAsync{T}"/> does (409 if the entity exists).</summary>
    public Task AddAsync(ITableEntity entity, CancellationToken cancellationToken = default)
    {
        try
        {
            EntityGuard.Check(entity);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return Task.FromException(ex);
        }

        return SubmitAsync(new TableTransactionAction(TableTransactionActionType.Add, entity), cancellationToken);
    }

    /// <summary>
    /// Deletes whatever is stored under the keys. A missing entity is not an error, as with the
    /// SDK's single delete; in a transaction it would fail the whole group, so such a group is
    /// resent one write at a time.
    /// </summary>
    public Task DeleteAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        if (!TableKeys.IsValidKey(partitionKey) || !TableKeys.IsValidKey(rowKey))
        {
            return Task.FromException(new ArgumentException($"'{partitionKey}'/'{rowKey}' are not keys Azure accepts."));
        }

        return SubmitAsync(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), ETag.All), cancellationToken);
    }

    /// <summary>
    /// Queues one write and completes when it has been applied, or fails as the single request would
    /// have. Cancelling stops the wait, not a write already queued: like a request whose response
    /// was not awaited, it may still take effect.
    /// </summary>
    private Task SubmitAsync(TableTransactionAction action, CancellationToken cancellationToken)
    {
        var write = new PendingWrite(action, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var partition = action.Entity.PartitionKey;
        bool lead;
        lock (_gate)
        {
            lead = !_waiting.TryGetValue(partition, out var queue);
            if (lead)
            {
                queue = new Queue<PendingWrite>();
                _waiting.Add(partition, queue);
            }

            queue!.Enqueue(write);
        }

        if (lead)
        {
            _ = FlushAsync(partition);
        }

        return write.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Sends the partition's queued writes until none are left; only one flush runs per partition.</summary>
    private async Task FlushAsync(string partition)
    {
        while (TakeBatch(partition) is { Count: > 0 } batch)
        {
            await SendAsync(batch).ConfigureAwait(false);
        }
    }

    private List<PendingWrite> TakeBatch(string partition)
    {
        lock (_gate)
        {
            var queue = _waiting[partition];
            var batch = new List<PendingWrite>();
            var rows = new HashSet<string>(StringComparer.Ordinal);
            while (batch.Count < MaxBatch && queue.TryPeek(out var next) && rows.Add(next.Action.Entity.RowKey))
            {
                batch.Add(queue.Dequeue());
            }

            if (batch.Count == 0)
            {
                _waiting.Remove(partition);
            }

            return batch;
        }
    }

    private async Task SendAsync(List<PendingWrite> batch)
    {
        if (batch.Count == 1)
        {
            await SendOneAsync(batch[0]).ConfigureAwait(false);
            return;
        }

        try
        {
            var actions = new TableTransactionAction[batch.Count];
            for (var i = 0; i < actions.Length; i++)
            {
                actions[i] = batch[i].Action;
            }

            await _table.SubmitAsync(actions, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RequestFailedException or ArgumentException or NotSupportedException)
        {
            // The service refused one of them, or the client would not send one (an entity it cannot
            // store): each on its own, so only that write fails.
            foreach (var write in batch)
            {
                await SendOneAsync(write).ConfigureAwait(false);
            }

            return;
        }
        catch (Exception ex)
        {
            foreach (var write in batch)
            {
                write.Done.TrySetException(ex);
            }

            return;
        }

        foreach (var write in batch)
        {
            write.Done.TrySetResult();
        }
    }

    private async Task SendOneAsync(PendingWrite write)
    {
        try
        {
            var action = write.Action;
            _ = action.ActionType == TableTransactionActionType.Add
                ? await _table.AddAsync(action.Entity, CancellationToken.None).ConfigureAwait(false)
                : await _table.DeleteAsync(action.Entity.PartitionKey, action.Entity.RowKey, action.ETag, CancellationToken.None).ConfigureAwait(false);
            write.Done.TrySetResult();
        }
        catch (Exception ex)
        {
            write.Done.TrySetException(ex);
        }
    }

    private sealed record PendingWrite(TableTransactionAction Action, TaskCompletionSource Done);
}
