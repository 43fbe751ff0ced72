using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Microneedling.Storage.Entities;
using Microneedling.Tables;

namespace Microneedling.Storage.Reminders;

/// <summary>Reminders by due time, the sweep's checkpoint, and each booking's email log.</summary>
public sealed class ReminderRepository(TableServiceClient service, ClinicTables tables, string prefix = "")
{
    private const string CheckpointPartition = "checkpoint";
    private const string CheckpointRow = "reminder-sweep";
    private readonly ConcurrentDictionary<string, Task> _created = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TableWriteCoalescer> _writers = new(StringComparer.Ordinal);

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
            var table = await TableAsync(ReminderEntity.TableFor(reminder.DueAt), cancellationToken).ConfigureAwait(false);
            try
            {
                await _writers.GetOrAdd(table.Name, static (_, t) => new TableWriteCoalescer(t), table).AddEntityAsync(reminder, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
            }
        }
    }

    /// <summary>Reminders due in [from, to], read day table by day table over the seconds in between.</summary>
    public async Task<IReadOnlyList<(TableClient Table, ReminderEntity Reminder)>> DueAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var due = new List<(TableClient, ReminderEntity)>();
        var since = from.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        var upTo = (to.UtcTicks + 1).ToString("D19", CultureInfo.InvariantCulture);
        for (var day = from.UtcDateTime.Date; day <= to.UtcDateTime.Date; day = day.AddDays(1))
        {
            var table = await TableAsync(ReminderEntity.TableFor(day), cancellationToken).ConfigureAwait(false);
            var firstSecond = day == from.UtcDateTime.Date ? ReminderEntity.PartitionFor(from) : "000000";
            var lastSecond = day == to.UtcDateTime.Date ? ReminderEntity.PartitionFor(to) : "235959";
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey ge {firstSecond} and PartitionKey le {lastSecond} and RowKey ge {since} and RowKey lt {upTo}");
            await foreach (var reminder in table.QueryAsync<ReminderEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                due.Add((table, reminder));
            }
        }

        return due;
    }

    /// <summary>Takes the reminder for this sweep until the lease ends; false if another sweep holds it or took it first.</summary>
    public static async Task<bool> TryClaimAsync(TableClient table, ReminderEntity reminder, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(reminder);
        if ((reminder.State == ReminderState.Claimed && reminder.ClaimedUntil > now) || reminder.NotBefore > now)
        {
            return false;
        }

        reminder.State = ReminderState.Claimed;
        reminder.ClaimedUntil = now + lease;
        try
        {
            var response = await table.UpdateEntityAsync(reminder, reminder.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            reminder.ETag = response.Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>Records the outcome in the booking's email log, then removes the reminder (only while still claimed by us).</summary>
    public async Task FinishAsync(TableClient table, ReminderEntity reminder, EmailOutcome outcome, string? detail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(reminder);
        await tables.Bookings.UpsertEntityAsync(new EmailRecordEntity
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
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.DeleteEntityAsync(reminder.PartitionKey, reminder.RowKey, reminder.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
        }
    }

    /// <summary>Puts a reminder back for another attempt after a transient failure.</summary>
    public static async Task RetryLaterAsync(TableClient table, ReminderEntity reminder, DateTimeOffset notBefore, string error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(reminder);
        reminder.State = ReminderState.Pending;
        reminder.ClaimedUntil = null;
        reminder.NotBefore = notBefore;
        reminder.LastError = error;
        try
        {
            await table.UpdateEntityAsync(reminder, reminder.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
        }
    }

    public async Task<IReadOnlyList<EmailRecordEntity>> EmailsOfAsync(string bookingId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {bookingId} and RowKey ge {EmailRecordEntity.RowPrefix} and RowKey lt {"email`"}");
        var records = new List<EmailRecordEntity>();
        await foreach (var record in tables.Bookings.QueryAsync<EmailRecordEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            records.Add(record);
        }

        return records;
    }

    public async Task<(DateTimeOffset? Through, ETag ETag)> CheckpointAsync(CancellationToken cancellationToken)
    {
        var row = await tables.Recovery.GetEntityIfExistsAsync<TableEntity>(CheckpointPartition, CheckpointRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? (row.Value!.GetDateTimeOffset("Through"), row.Value.ETag) : (null, default);
    }

    /// <summary>Moves the checkpoint forward (never back), tolerating a concurrent sweep doing the same.</summary>
    public async Task AdvanceCheckpointAsync(DateTimeOffset through, CancellationToken cancellationToken)
    {
        var (current, etag) = await CheckpointAsync(cancellationToken).ConfigureAwait(false);
        if (current >= through)
        {
            return;
        }

        var row = new TableEntity(CheckpointPartition, CheckpointRow) { ["Through"] = through };
        try
        {
            if (current is null)
            {
                await tables.Recovery.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await tables.Recovery.UpdateEntityAsync(row, etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another sweep moved it meanwhile.
        }
    }

    private async Task<TableClient> TableAsync(string name, CancellationToken cancellationToken)
    {
        var table = service.GetTableClient(prefix + name);
        var creating = _created.GetOrAdd(table.Name, _ => table.CreateIfNotExistsAsync(CancellationToken.None));
        try
        {
            await creating.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            _created.TryRemove(new KeyValuePair<string, Task>(table.Name, creating)); // let the next call try again
            throw;
        }

        return table;
    }

    private async Task<TableClient> TableAsync(DateTime day, CancellationToken cancellationToken) =>
        await TableAsync(ReminderEntity.TableFor(new DateTimeOffset(day, TimeSpan.Zero)), cancellationToken).ConfigureAwait(false);
}
