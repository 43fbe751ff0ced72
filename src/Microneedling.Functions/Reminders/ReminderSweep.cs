using System.Collections.Concurrent;
using Microneedling.Domain.Reminders;
using Microneedling.Functions.Telemetry;
using Microneedling.Storage.Reminders;

namespace Microneedling.Functions.Reminders;

public sealed record SweepResult(int Due, int Sent, int Skipped, int Failed, int Retrying, int Busy);

/// <summary>
/// Delivers every reminder that has come due since the last sweep (<see cref="ReminderDelivery"/>),
/// a few at a time; after downtime it catches up from its checkpoint. Change emails usually went
/// already, sent as soon as the change was stored (<see cref="ChangeEmailDispatcher"/>): for them
/// the sweep is the backstop.
/// </summary>
public sealed partial class ReminderSweep(ReminderQueue reminders, SweepCheckpoint checkpoints, ReminderDelivery delivery, ClinicMetrics metrics, TimeProvider clock, ILogger<ReminderSweep> logger)
{
    public static readonly TimeSpan Lease = ReminderDelivery.Lease;
    public static readonly TimeSpan RetryWindow = TimeSpan.FromHours(24);
    public const int Parallelism = 8;

    public async Task<SweepResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (checkpoint, _) = await checkpoints.ReadAsync(cancellationToken).ConfigureAwait(false);
        var from = checkpoint is { } c && c < now - RetryWindow ? c : now - RetryWindow;
        var due = await reminders.DueAsync(from, now, cancellationToken).ConfigureAwait(false);
        metrics.SweepStarted(due, now);
        var outcomes = new ConcurrentBag<DeliveryOutcome>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };

        // Confirmations first: a change email waits for its booking's confirmation to be decided.
        foreach (var batch in due.GroupBy(r => r.Kind != ReminderKind.BookingConfirmation).OrderBy(g => g.Key))
        {
            await Parallel.ForEachAsync(batch, options,
                async (reminder, ct) => outcomes.Add(await delivery.DeliverAsync(reminder, now, ct).ConfigureAwait(false))).ConfigureAwait(false);
        }

        await checkpoints.AdvanceAsync(now, cancellationToken).ConfigureAwait(false);
        var result = new SweepResult(due.Count, Count(DeliveryOutcome.Sent), Count(DeliveryOutcome.Skipped), Count(DeliveryOutcome.Failed),
            Count(DeliveryOutcome.Retrying) + Count(DeliveryOutcome.Waiting), Count(DeliveryOutcome.Busy));
        LogSwept(result.Due, result.Sent, result.Skipped, result.Failed, result.Retrying, result.Busy);
        return result;

        int Count(DeliveryOutcome outcome) => outcomes.Count(o => o == outcome);
    }

    [LoggerMessage(LogLevel.Information, "Reminder sweep: {Due} due, {Sent} sent, {Skipped} skipped, {Failed} failed, {Retrying} to retry, {Busy} held by another sweep")]
    private partial void LogSwept(int due, int sent, int skipped, int failed, int retrying, int busy);
}
