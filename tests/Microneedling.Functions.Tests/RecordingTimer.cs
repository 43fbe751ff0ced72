using System.Collections.Concurrent;
using Microneedling.Functions.Hosting.Timers;

namespace Microneedling.Functions.Tests;

/// <summary>A timer function that records each invocation, and fails when told to.</summary>
public sealed class RecordingTimer : ITimerFunction
{
    public const string FunctionName = "RecordingTimer";
    public const string Setting = "RecordingTimerSchedule";

    public static TimerDefinition Definition { get; } = new(FunctionName, Setting, "0 */5 * * * *", typeof(RecordingTimer));

    public ConcurrentQueue<TimerInvocation> Invocations { get; } = new();

    public bool Fail { get; set; }

    public SemaphoreSlim Fired { get; } = new(0);

    public Task<TimerRunResult> RunAsync(TimerInvocation invocation, CancellationToken cancellationToken)
    {
        Invocations.Enqueue(invocation);
        Fired.Release();
        return Fail ? throw new InvalidOperationException("told to fail") : Task.FromResult(new TimerRunResult(["ran"]));
    }
}
