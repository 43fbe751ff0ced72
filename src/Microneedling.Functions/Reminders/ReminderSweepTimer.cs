using Microneedling.Functions.Hosting.Timers;

namespace Microneedling.Functions.Reminders;

/// <summary>The timer function that runs the reminder sweep.</summary>
public sealed class ReminderSweepTimer(ReminderSweep sweep) : ITimerFunction
{
    public async Task<TimerRunResult> RunAsync(TimerInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var result = await sweep.RunAsync(cancellationToken).ConfigureAwait(false);
        return new TimerRunResult([$"{result.Due} due, {result.Sent} sent, {result.Skipped} skipped, {result.Failed} failed, {result.Retrying} to retry, {result.Busy} busy"]);
    }
}
