using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microneedling.Storage.Entities;
using Microneedling.Storage.Tables;

namespace Microneedling.Storage.Reminders;

/// <summary>Reminders waiting to be sent, in one table per UTC day of their due time, partitioned by second.</summary>
public sealed class ReminderQueue(ClinicTables tables)
{
    private readonly ConcurrentDictionary<string, DayTable> _days = new(StringComparer.Ordinal);

    /// <summary>
    /// Schedules reminders; one already scheduled (same identity) is left as it is. Reminders due in
    /// the same second share a partition, so concurrent requests' emails (every booking's
    /// confirmation is due at once) are sent together.
    /// </summary>
    public async Task ScheduleAsync(IEnumerable<ReminderEntity> reminders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminders);
        foreach (var reminder in reminders)
        {
            var day = await DayAsync(reminder.DueAt.UtcDateTime.Date, cancellationToken).ConfigureAwait(false);
            try
            {
                await day.Writer.AddAsync(reminder, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
            }
        }
    }

    /// <summary>Reminders due in [from, to], read day table by day table over the seconds in between.</summary>
    public async Task<IReadOnlyList<ReminderEntity>> DueAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var due = new List<ReminderEntity>();
        var since = from.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        var upTo = (to.UtcTicks + 1).ToString("D19", CultureInfo.InvariantCulture);
        for (var date = from.UtcDateTime.Date; date <= to.UtcDateTime.Date; date = date.AddDays(1))
        {
            var day = await DayAsync(date, cancellationToken).ConfigureAwait(false);
            var firstSecond = date == from.UtcDateTime.Date ? ReminderEntity.PartitionFor(from) : "000000";
            var lastSecond = date == to.UtcDateTime.Date ? ReminderEntity.PartitionFor(to) : "235959";
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey ge {firstSecond} and PartitionKey le {lastSecond} and RowKey ge {since} and RowKey lt {upTo}");
            await foreach (var reminder in day.Table.QueryAsync<ReminderEntity>(filter, cancellationToken).ConfigureAwait(false))
            {
                due.Add(reminder);
            }
        }

        return due;
    }

    /// <summary>Takes the reminder for this sweep until the lease ends; false if another sweep holds it or took it first.</summary>
    public async Task<bool> TryClaimAsync(ReminderEntity reminder, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        if ((reminder.State == ReminderState.Claimed && reminder.ClaimedUntil > now) || reminder.NotBefore > now)
        {
            return false;
        }

        reminder.State = ReminderState.Claimed;
        reminder.ClaimedUntil = now + lease;
        try
        {
            var response = await TableOf(reminder).ReplaceAsync(reminder, reminder.ETag, cancellationToken).ConfigureAwait(false);
            reminder.ETag = response.Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>Removes a sent or settled reminder, only while it is still as this sweep claimed it.</summary>
    public async Task RemoveAsync(ReminderEntity reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        try
        {
            await TableOf(reminder).DeleteAsync(reminder.PartitionKey, reminder.RowKey, reminder.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
        }
    }

    /// <summary>Puts a reminder back for another attempt after a transient failure.</summary>
    public async Task RetryLaterAsync(ReminderEntity reminder, DateTimeOffset notBefore, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        reminder.State = ReminderState.Pending;
        reminder.ClaimedUntil = null;
        reminder.NotBefore = notBefore;
        reminder.LastError = error;
        try
        {
            await TableOf(reminder).ReplaceAsync(reminder, reminder.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
        }
    }

    /// <summary>The reminder as stored now (with its current ETag), or null once it is gone.</summary>
    public async Task<ReminderEntity?> CurrentAsync(ReminderEntity reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var day = await DayAsync(reminder.DueAt.UtcDateTime.Date, cancellationToken).ConfigureAwait(false);
        return await day.Table.GetIfExistsAsync<ReminderEntity>(reminder.PartitionKey, reminder.RowKey, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The day table a reminder lives in (its due time's UTC day), which scheduling created.</summary>
    private GuardedTable TableOf(ReminderEntity reminder) => Day(reminder.DueAt.UtcDateTime.Date).Table;

    private DayTable Day(DateTime date) =>
        _days.GetOrAdd(ReminderEntity.TableFor(new DateTimeOffset(date, TimeSpan.Zero)), static (name, tables) => new DayTable(tables.Table(name)), tables);

    /// <summary>The day's table, created on first use (once; again after a failure).</summary>
    private async Task<DayTable> DayAsync(DateTime date, CancellationToken cancellationToken)
    {
        var day = Day(date);
        await day.CreatedAsync(cancellationToken).ConfigureAwait(false);
        return day;
    }

    private sealed class DayTable(GuardedTable table)
    {
        private readonly Lock _gate = new();
        private Task? _created;

        public GuardedTable Table { get; } = table;

        public TableWriteCoalescer Writer { get; } = new(table);

        public Task CreatedAsync(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_created is null || _created.IsFaulted || _created.IsCanceled)
                {
                    _created = Table.Client.CreateIfNotExistsAsync(CancellationToken.None);
                }

                return _created.IsCompletedSuccessfully ? Task.CompletedTask : _created.WaitAsync(cancellationToken);
            }
        }
    }
}
