using System.Diagnostics;

namespace Microneedling.Functions.Hosting.Timers;

/// <summary>Runs a timer function with logging and failure capture, whoever fired it.</summary>
public sealed partial class TimerRunner(IServiceProvider services, ILogger<TimerRunner> logger, TimeProvider clock)
{
    public async Task<TimerOutcome> RunAsync(TimerDefinition timer, TimerInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(invocation);
        var started = clock.GetTimestamp();
        LogStarting(timer.Name, invocation.InvocationId, invocation.IsPastDue);
        try
        {
            var handler = (ITimerFunction)services.GetRequiredService(timer.HandlerType);
            var result = await handler.RunAsync(invocation, cancellationToken).ConfigureAwait(false);
            LogCompleted(timer.Name, invocation.InvocationId, clock.GetElapsedTime(started).TotalMilliseconds);
            return new TimerOutcome(true, result.Logs);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(ex, timer.Name, invocation.InvocationId);
            return new TimerOutcome(false, [$"{timer.Name} failed: {ex.GetType().Name}"]);
        }
    }

    [LoggerMessage(LogLevel.Information, "Timer {Function} starting (invocation {InvocationId}, past due: {IsPastDue})")]
    private partial void LogStarting(string function, string invocationId, bool isPastDue);

    [LoggerMessage(LogLevel.Information, "Timer {Function} completed (invocation {InvocationId}) in {ElapsedMs:F0} ms")]
    private partial void LogCompleted(string function, string invocationId, double elapsedMs);

    [LoggerMessage(LogLevel.Error, "Timer {Function} failed (invocation {InvocationId})")]
    private partial void LogFailed(Exception exception, string function, string invocationId);
}

public sealed record TimerOutcome(bool Succeeded, IReadOnlyList<string> Logs);
