using Microneedling.Functions.Hosting;

namespace Microneedling.Functions.Hosting.Timers;

/// <summary>
/// Outside the Functions host nobody invokes our timers, so this fires each one on its schedule.
/// Under the host it does nothing: the host's singleton timers are the only trigger there.
/// </summary>
public sealed class StandaloneTimerScheduler(
    IEnumerable<TimerDefinition> timers,
    TimerSchedules schedules,
    TimerRunner runner,
    HostingMode mode,
    TimeProvider clock) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (mode.UnderFunctionsHost)
        {
            return Task.CompletedTask;
        }

        return Task.WhenAll(timers.Select(t => RunOnScheduleAsync(t, stoppingToken)));
    }

    private async Task RunOnScheduleAsync(TimerDefinition timer, CancellationToken stoppingToken)
    {
        var schedule = schedules.For(timer);
        DateTimeOffset? last = null;
        var next = schedule.GetNextOccurrence(clock.GetUtcNow());
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = next - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, clock, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            var now = clock.GetUtcNow();
            var following = schedule.GetNextOccurrence(now);
            var invocation = new TimerInvocation(timer.Name, Guid.NewGuid().ToString(), now, now - next > TimeSpan.FromMinutes(1), last, following);
            await runner.RunAsync(timer, invocation, stoppingToken).ConfigureAwait(false);
            last = next;
            next = following;
        }
    }
}
