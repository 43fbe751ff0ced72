using Microneedling.Storage.Reminders;

namespace Microneedling.Functions.Reminders;

/// <summary>
/// Sends queued change emails right after their change was stored, one at a time. Each is
/// delivered exactly as the sweep would (claimed with a lease first), so a sweep running at the
/// same time never sends it twice, and one this process did not finish is the sweep's to send.
/// </summary>
public sealed partial class ChangeEmailDispatcher(ChangeEmailQueue queue, ReminderQueue reminders, IServiceProvider services, TimeProvider clock, ILogger<ChangeEmailDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var scheduled in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                // Read again: the stored row carries the ETag the claim needs, and may be gone or held already.
                if (await reminders.CurrentAsync(scheduled, stoppingToken).ConfigureAwait(false) is { } reminder)
                {
                    // Resolved here, not at start: an email setting missing must not stop the app (the sweep reports it too).
                    var delivery = services.GetRequiredService<ReminderDelivery>();
                    await delivery.DeliverAsync(reminder, clock.GetUtcNow(), stoppingToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogLeftToSweep(scheduled.BookingId, scheduled.Kind, ex.GetType().Name);
            }
            finally
            {
                queue.Done();
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Change email {Kind} for booking {BookingId} left to the sweep after {Error}")]
    private partial void LogLeftToSweep(string bookingId, Domain.Reminders.ReminderKind kind, string error);
}
