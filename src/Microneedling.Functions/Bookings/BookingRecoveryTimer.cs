using Microneedling.Functions.Hosting.Timers;
using Microneedling.Functions.Telemetry;
using Microneedling.Storage.Bookings;

namespace Microneedling.Functions.Bookings;

/// <summary>Finishes or undoes booking changes whose writer died between two writes.</summary>
public sealed class BookingRecoveryTimer(BookingWorkflow workflow, ClinicMetrics metrics, TimeProvider clock) : ITimerFunction
{
    public async Task<TimerRunResult> RunAsync(TimerInvocation invocation, CancellationToken cancellationToken)
    {
        var recovered = await workflow.RecoverAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        metrics.BookingsRecoveredBy(recovered);
        return new TimerRunResult([$"recovered {recovered} interrupted booking change(s)"]);
    }
}
