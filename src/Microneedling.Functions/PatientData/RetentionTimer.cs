using Microneedling.Domain.Clinics;
using Microneedling.Functions.Hosting.Timers;
using Microneedling.Storage.PatientData;

namespace Microneedling.Functions.PatientData;

/// <summary>Applies the clinic's retention periods once a run (daily by default): see <see cref="RetentionSweep"/>.</summary>
public sealed class RetentionTimer(RetentionSweep sweep, Clinic clinic, TimeProvider clock) : ITimerFunction
{
    public const string Name = "PatientDataRetention";
    public const string ScheduleSetting = "PatientDataRetentionSchedule";

    /// <summary>Daily at 03:30 UTC: night in Europe, evening in the Americas, outside most clinics' hours.</summary>
    public const string DefaultSchedule = "0 30 3 * * *";

    public async Task<TimerRunResult> RunAsync(TimerInvocation invocation, CancellationToken cancellationToken)
    {
        var r = await sweep.RunAsync(clinic.Retention, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return new TimerRunResult([
            $"intake answers removed: {r.IntakeAnswersRemoved}, intakes deleted: {r.IntakesDeleted}, bookings anonymised: {r.BookingsAnonymised}, "
            + $"email log entries deleted: {r.EmailLogsDeleted}, idempotency keys deleted: {r.IdempotencyKeysDeleted}, replay responses deleted: {r.ReceiptsDeleted}",
        ]);
    }
}
