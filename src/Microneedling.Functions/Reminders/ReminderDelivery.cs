using Azure;
using Microneedling.Domain.Reminders;
using Microneedling.Email;
using Microneedling.Functions.Telemetry;
using Microneedling.Storage.Bookings;
using Microneedling.Storage.Reminders;

namespace Microneedling.Functions.Reminders;

public enum DeliveryOutcome
{
    Sent,
    Skipped,
    Failed,
    Retrying,

    /// <summary>Another sweep or dispatcher holds it, or it is not to be tried yet.</summary>
    Busy,

    /// <summary>Put back until its booking's confirmation has gone.</summary>
    Waiting,
}

/// <summary>
/// Delivers one due reminder, for the sweep and for the immediate dispatch of change emails alike.
/// It is claimed first (an ETag update with a lease), so no two deliverers ever send it twice; its
/// Operation-Id was fixed when it was scheduled, and a reminder taken over from one that died is
/// first looked up at the email service, so an email that did go out is recorded, not sent again.
/// Whether it still applies is the domain's <see cref="ReminderRules"/>, decided now.
/// </summary>
public sealed partial class ReminderDelivery(
    ReminderQueue reminders,
    EmailLog emailLog,
    BookingRepository bookings,
    ReminderSnapshots snapshots,
    ReminderEmails emails,
    ReminderScheduler scheduler,
    IEmailSender sender,
    ClinicMetrics metrics,
    ILogger<ReminderDelivery> logger)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan WaitStep = TimeSpan.FromMinutes(1);
    public const int MaxAttempts = 6;

    public async Task<DeliveryOutcome> DeliverAsync(ReminderEntity reminder, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var takenOver = reminder.State == ReminderState.Claimed;
        if (!await reminders.TryClaimAsync(reminder, now, Lease, ct).ConfigureAwait(false))
        {
            return DeliveryOutcome.Busy;
        }

        var booking = await bookings.GetAsync(reminder.BookingId, ct).ConfigureAwait(false);
        var decision = ReminderRules.Decide(await snapshots.ReadAsync(reminder, booking, now, ct).ConfigureAwait(false));
        if (decision.Verdict == ReminderVerdict.Wait)
        {
            await reminders.RetryLaterAsync(reminder, now + WaitStep, decision.Reason!, ct).ConfigureAwait(false);
            return DeliveryOutcome.Waiting;
        }

        reminder.Attempts++;
        if (decision.Verdict == ReminderVerdict.Send && reminder.Kind is ReminderKind.BookingConfirmation or ReminderKind.Rescheduled && reminder.Attempts == 1)
        {
            // Before this email's row goes: a crash here repeats the scheduling, it never loses it.
            await scheduler.ScheduleFollowingAsync(booking!, reminder, now, ct).ConfigureAwait(false);
        }

        if (decision.Verdict == ReminderVerdict.Skip)
        {
            await FinishAsync(reminder, EmailOutcome.Skipped, decision.Reason, now, shown: null, ct).ConfigureAwait(false);
            return DeliveryOutcome.Skipped;
        }

        return await SendAsync(reminder, booking!, takenOver, now, ct).ConfigureAwait(false);
    }

    private async Task<DeliveryOutcome> SendAsync(ReminderEntity reminder, StoredBooking booking, bool takenOver, DateTimeOffset now, CancellationToken ct)
    {
        var shown = reminder.Kind == ReminderKind.BookingConfirmation ? ReminderSnapshots.Shown(ReminderEmails.Confirmed(booking)) : null;
        try
        {
            if ((takenOver || reminder.Attempts > 1) && await sender.GetStatusAsync(reminder.OperationId, ct).ConfigureAwait(false) is { } earlier)
            {
                var failed = earlier.State is EmailDeliveryState.Failed or EmailDeliveryState.Canceled;
                await FinishAsync(reminder, failed ? EmailOutcome.Failed : EmailOutcome.Sent, $"accepted by an earlier attempt: {earlier.State}", now, shown, ct).ConfigureAwait(false);
                return failed ? DeliveryOutcome.Failed : DeliveryOutcome.Sent;
            }

            var result = await sender.SendAsync(emails.Compose(reminder, booking), ct).ConfigureAwait(false);
            await FinishAsync(reminder, EmailOutcome.Sent, result.State.ToString(), now, shown, ct).ConfigureAwait(false);
            return DeliveryOutcome.Sent;
        }
        catch (RequestFailedException ex) when (ex.Status is >= 400 and < 500 and not 408 and not 429)
        {
            await FinishAsync(reminder, EmailOutcome.Failed, $"{ex.Status} {ex.ErrorCode}", now, shown: null, ct).ConfigureAwait(false);
            LogFailed(reminder.BookingId, reminder.Kind, ex.Status);
            return DeliveryOutcome.Failed;
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            if (reminder.Attempts >= MaxAttempts)
            {
                await FinishAsync(reminder, EmailOutcome.Failed, $"gave up after {reminder.Attempts} attempts: {ex.GetType().Name}", now, shown: null, ct).ConfigureAwait(false);
                return DeliveryOutcome.Failed;
            }

            var backoff = TimeSpan.FromMinutes(Math.Pow(3, reminder.Attempts - 1));
            await reminders.RetryLaterAsync(reminder, now + backoff, ex.GetType().Name, ct).ConfigureAwait(false);
            metrics.ReminderRetried(reminder.Kind);
            return DeliveryOutcome.Retrying;
        }
    }

    /// <summary>Records the outcome in the booking's email log, then removes the reminder: a crash between the two repeats the record, never loses it.</summary>
    private async Task FinishAsync(ReminderEntity reminder, EmailOutcome outcome, string? detail, DateTimeOffset now, string? shown, CancellationToken ct)
    {
        await emailLog.RecordAsync(reminder, outcome, detail, now, shown, ct).ConfigureAwait(false);
        await reminders.RemoveAsync(reminder, ct).ConfigureAwait(false);
        metrics.ReminderFinished(reminder.Kind, outcome, detail);
    }

    [LoggerMessage(LogLevel.Warning, "Reminder {Kind} for booking {BookingId} failed permanently with status {Status}")]
    private partial void LogFailed(string bookingId, ReminderKind kind, int status);
}
