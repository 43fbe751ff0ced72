namespace Microneedling.Functions.Timers;

/// <summary>
/// A timer-triggered function. Under the Functions host it is invoked by <c>POST /{Name}</c>;
/// standalone, <see cref="StandaloneTimerScheduler"/> fires it on its schedule.
/// </summary>
public interface ITimerFunction
{
    /// <summary>The function name: the folder name next to host.json and the invocation path.</summary>
    string Name { get; }

    /// <summary>The app setting that holds the NCRONTAB schedule (function.json reads it as <c>%Setting%</c>).</summary>
    string ScheduleSetting { get; }

    /// <summary>The schedule used standalone when the setting is absent.</summary>
    string DefaultSchedule { get; }

    /// <summary>Runs once. Lines returned go to the host's log: never put patient data in them.</summary>
    Task<TimerRunResult> RunAsync(TimerInvocation invocation, CancellationToken cancellationToken);
}

/// <summary>One firing of a timer, as the Functions host describes it.</summary>
public sealed record TimerInvocation(
    string FunctionName,
    string InvocationId,
    DateTimeOffset FiredAt,
    bool IsPastDue,
    DateTimeOffset? LastScheduled,
    DateTimeOffset? NextScheduled);

public sealed record TimerRunResult(IReadOnlyList<string> Logs)
{
    public static TimerRunResult Empty { get; } = new([]);
}
