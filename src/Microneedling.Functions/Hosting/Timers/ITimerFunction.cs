namespace Microneedling.Functions.Hosting.Timers;

/// <summary>
/// A timer-triggered function's handler. Under the Functions host it is invoked by
/// <c>POST /{Name}</c>; standalone, <see cref="StandaloneTimerScheduler"/> fires it on its schedule.
/// It is only built when it runs, so describing the timers needs none of its dependencies.
/// </summary>
public interface ITimerFunction
{
    /// <summary>Runs once. Lines returned go to the host's log: never put patient data in them.</summary>
    Task<TimerRunResult> RunAsync(TimerInvocation invocation, CancellationToken cancellationToken);
}

/// <summary>
/// What a timer function is: its name (the folder next to host.json and the invocation path), the
/// app setting holding its NCRONTAB schedule (function.json reads it as <c>%Setting%</c>), the
/// schedule used standalone when that setting is absent, and its handler type.
/// </summary>
public sealed record TimerDefinition(string Name, string ScheduleSetting, string DefaultSchedule, Type HandlerType);

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
