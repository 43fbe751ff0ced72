using Azure;
using Azure.Data.Tables;
using Microneedling.Domain.Retention;
using Microneedling.Storage.Entities;
using NodaTime;

namespace Microneedling.Storage.PatientData;

public sealed record RetentionResult(int IntakeAnswersRemoved, int IntakesDeleted, int BookingsAnonymised, int EmailLogsDeleted, int IdempotencyKeysDeleted, int ReceiptsDeleted);

/// <summary>
/// Removes what the clinic's retention periods say is no longer needed (<see cref="RetentionRules"/>):
/// intakes' health answers, then whole intakes; bookings' personal details; email log entries;
/// Idempotency-Keys and the responses kept for their replays. One pass over the Bookings table (a
/// few properties of each row) and one over each of Intakes and Idempotency, so a daily run costs
/// in proportion to what the clinic holds. Safe to run again or concurrently: every change is a
/// delete or a merge of blanks.
/// </summary>
public sealed class RetentionSweep(ClinicTables tables)
{
    public async Task<RetentionResult> RunAsync(RetentionPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var at = Instant.FromDateTimeOffset(now);
        var scan = await BookingScan.ReadAsync(tables, cancellationToken).ConfigureAwait(false);

        // Keys before the responses they replay: a key without its response resumes the booking, never a stale copy.
        var keys = await DeleteExpiredAsync(tables.Idempotency,
            row => RetentionRules.IdempotencyExpiresAt(Instant.FromDateTimeOffset(row.GetDateTimeOffset(nameof(IdempotencyEntity.CreatedAt)) ?? now), policy) <= at,
            cancellationToken).ConfigureAwait(false);
        var receipts = 0;
        foreach (var bookingId in scan.Receipts.Where(id => !scan.Headers.TryGetValue(id, out var h) || RetentionRules.IdempotencyExpiresAt(h.Created, policy) <= at))
        {
            await tables.Bookings.DeleteAsync(bookingId, ReceiptEntity.Row, default, cancellationToken).ConfigureAwait(false);
            receipts++;
        }

        var emails = 0;
        foreach (var (bookingId, rowKey, sentAt) in scan.EmailLogs)
        {
            var last = scan.Headers.TryGetValue(bookingId, out var h) ? h.LastActivity : sentAt;
            if (RetentionRules.EmailLogExpiresAt(sentAt, last, policy) <= at)
            {
                await tables.Bookings.DeleteAsync(bookingId, rowKey, default, cancellationToken).ConfigureAwait(false);
                emails++;
            }
        }

        var (answers, intakes) = await ExpireIntakesAsync(scan, policy, at, now, cancellationToken).ConfigureAwait(false);
        var anonymised = 0;
        foreach (var bookingId in scan.Headers.Where(h => !h.Value.Anonymised && RetentionRules.PersonalDetailsExpireAt(h.Value.LastActivity, policy) <= at).Select(h => h.Key))
        {
            await BookingRows.AnonymiseAsync(tables, bookingId, now, cancellationToken).ConfigureAwait(false);
            anonymised++;
        }

        return new RetentionResult(answers, intakes, anonymised, emails, keys, receipts);
    }

    private async Task<(int AnswersRemoved, int Deleted)> ExpireIntakesAsync(BookingScan scan, RetentionPolicy policy, Instant at, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lastUse = scan.Headers.Values.Where(h => h.IntakeId.Length > 0)
            .GroupBy(h => h.IntakeId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(h => h.LastActivity), StringComparer.Ordinal);
        var (answersRemoved, deleted) = (0, 0);
        await foreach (var intake in tables.Intakes.Client.QueryAsync<IntakeEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var created = Instant.FromDateTimeOffset(intake.CreatedAt);
            Instant? last = lastUse.TryGetValue(intake.Id, out var l) ? l : null;
            if (RetentionRules.IntakeRecordExpiresAt(created, last, policy) <= at)
            {
                await tables.Intakes.DeleteAsync(intake.PartitionKey, intake.RowKey, default, cancellationToken).ConfigureAwait(false);
                deleted++;
            }
            else if (intake.AnswersRemovedAt is null && RetentionRules.IntakeAnswersExpireAt(created, last, policy) <= at
                && await RemoveAnswersAsync(intake, now, cancellationToken).ConfigureAwait(false))
            {
                answersRemoved++;
            }
        }

        return (answersRemoved, deleted);
    }

    /// <summary>Keeps the outcome and its dates (what a later look-up and the booking rules read), drops the answers; a change made meanwhile waits for the next run.</summary>
    private async Task<bool> RemoveAnswersAsync(IntakeEntity intake, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kept = new TableEntity(intake.PartitionKey, intake.RowKey)
        {
            [nameof(IntakeEntity.Outcome)] = intake.Outcome.ToString(),
            [nameof(IntakeEntity.AskAgainOn)] = intake.AskAgainOn,
            [nameof(IntakeEntity.ClearedByPractitioner)] = intake.ClearedByPractitioner,
            [nameof(IntakeEntity.CreatedAt)] = intake.CreatedAt,
            [nameof(IntakeEntity.AnswersRemovedAt)] = now,
        };
        try
        {
            await tables.Intakes.ReplaceAsync(kept, intake.ETag, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    private static async Task<int> DeleteExpiredAsync(Tables.GuardedTable table, Func<TableEntity, bool> expired, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await foreach (var row in table.Client.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (expired(row))
            {
                await table.DeleteAsync(row.PartitionKey, row.RowKey, default, cancellationToken).ConfigureAwait(false);
                deleted++;
            }
        }

        return deleted;
    }
}
