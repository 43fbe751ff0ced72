using System.Collections.Concurrent;
using Azure;
using Microneedling.Domain.Clinics;
using Microneedling.Domain.Reminders;
using Microneedling.Email;
using Microneedling.Storage.Bookings;
using Microneedling.Storage.Entities;
using Microneedling.Storage.Intakes;
using Microneedling.Storage.Reminders;

namespace Microneedling.Functions.Reminders;

public sealed record SweepResult(int Due, int Sent, int Skipped, int Failed, int Retrying, int Busy);

/// <summary>
/// Sends every reminder that has come due since the last sweep. Each is claimed first (an ETag
/// update with a lease), so overlapping sweeps never send it twice; its Operation-Id was fixed when
/// it was scheduled, and a reminder taken over from a sweep that died is first looked up at the
/// email service, so an email that did go out is recorded rather than sent again. Whether it still
/// applies (cancelled, moved, next session booked, opted out, too late) is decided now.
/// </summary>
public sealed partial class ReminderSweep(
    Clinic clinic,
    ReminderRepository reminders,
    BookingRepository bookings,
    IntakeRepository intakes,
    ReminderEmails emails,
    ReminderScheduler scheduler,
    OptOuts optOuts,
    IEmailSender sender,
    TimeProvider clock,
    ILogger<ReminderSweep> logger)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan RetryWindow = TimeSpan.FromHours(24);
    public const int MaxAttempts = 6;
    public const int Parallelism = 8;

    public async Task<SweepResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (checkpoint, _) = await reminders.CheckpointAsync(cancellationToken).ConfigureAwait(false);
        var from = checkpoint is { } c && c < now - RetryWindow ? c : now - RetryWindow;
        var due = await reminders.DueAsync(from, now, cancellationToken).ConfigureAwait(false);
        var outcomes = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (reminder, ct) => outcomes.Add(await ProcessAsync(reminder, now, ct).ConfigureAwait(false))).ConfigureAwait(false);
        await reminders.AdvanceCheckpointAsync(now, cancellationToken).ConfigureAwait(false);
        var result = new SweepResult(due.Count, Count("sent"), Count("skipped"), Count("failed"), Count("retrying"), Count("busy"));
        LogSwept(result.Due, result.Sent, result.Skipped, result.Failed, result.Retrying, result.Busy);
        return result;

        int Count(string outcome) => outcomes.Count(o => o == outcome);
    }

    private async Task<string> ProcessAsync(ReminderEntity reminder, DateTimeOffset now, CancellationToken ct)
    {
        var takenOver = reminder.State == ReminderState.Claimed;
        if (!await reminders.TryClaimAsync(reminder, now, Lease, ct).ConfigureAwait(false))
        {
            return "busy";
        }

        reminder.Attempts++;
        var booking = await bookings.GetAsync(reminder.BookingId, ct).ConfigureAwait(false);
        var reason = await SkipReasonAsync(reminder, booking, now, ct).ConfigureAwait(false);
        if (reason is null && reminder.Kind is ReminderKind.BookingConfirmation or ReminderKind.Rescheduled && reminder.Attempts == 1)
        {
            // Before this email's row goes: a crash here repeats the scheduling, it never loses it.
            await scheduler.ScheduleFollowingAsync(booking!, reminder, now, ct).ConfigureAwait(false);
        }

        if (reason is not null)
        {
            await reminders.FinishAsync(reminder, EmailOutcome.Skipped, reason, now, ct).ConfigureAwait(false);
            return "skipped";
        }

        try
        {
            if ((takenOver || reminder.Attempts > 1) && await sender.GetStatusAsync(reminder.OperationId, ct).ConfigureAwait(false) is { } earlier)
            {
                var failed = earlier.State is EmailDeliveryState.Failed or EmailDeliveryState.Canceled;
                await reminders.FinishAsync(reminder, failed ? EmailOutcome.Failed : EmailOutcome.Sent, $"accepted by an earlier attempt: {earlier.State}", now, ct).ConfigureAwait(false);
                return failed ? "failed" : "sent";
            }

            var result = await sender.SendAsync(emails.Compose(reminder, booking!), ct).ConfigureAwait(false);
            await reminders.FinishAsync(reminder, EmailOutcome.Sent, result.State.ToString(), now, ct).ConfigureAwait(false);
            return "sent";
        }
        catch (RequestFailedException ex) when (ex.Status is >= 400 and < 500 and not 408 and not 429)
        {
            await reminders.FinishAsync(reminder, EmailOutcome.Failed, $"{ex.Status} {ex.ErrorCode}", now, ct).ConfigureAwait(false);
            LogFailed(reminder.BookingId, reminder.Kind, ex.Status);
            return "failed";
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            if (reminder.Attempts >= MaxAttempts)
            {
                await reminders.FinishAsync(reminder, EmailOutcome.Failed, $"gave up after {reminder.Attempts} attempts: {ex.GetType().Name}", now, ct).ConfigureAwait(false);
                return "failed";
            }

            var backoff = TimeSpan.FromMinutes(Math.Pow(3, reminder.Attempts - 1));
            await reminders.RetryLaterAsync(reminder, now + backoff, ex.GetType().Name, ct).ConfigureAwait(false);
            return "retrying";
        }
    }

    private async Task<string?> SkipReasonAsync(ReminderEntity reminder, StoredBooking? booking, DateTimeOffset now, CancellationToken ct)
    {
        var session = booking?.Session(reminder.SessionNumber);
        if (booking is null || session is null || booking.Header.Status == BookingStatus.Abandoned)
        {
            return "booking-gone";
        }

        if (now >= reminder.StaleAt)
        {
            return "too-late";
        }

        if (reminder.Kind == ReminderKind.Cancelled)
        {
            return session.Status == SessionStatus.Cancelled ? null : "not-cancelled";
        }

        if (session.Status == SessionStatus.Cancelled)
        {
            return "cancelled";
        }

        if (session.Sequence != reminder.SessionSequence)
        {
            return "superseded"; // the change that raised the sequence scheduled this session's emails again
        }

        if (session.Status == SessionStatus.NoShow && reminder.Kind is ReminderKind.AftercareDay0 or ReminderKind.AftercareDay1 or ReminderKind.AftercareDay3 or ReminderKind.HealingCheckDay7)
        {
            return "no-show";
        }

        if (reminder.Kind is ReminderKind.RebookingOpen or ReminderKind.RebookingClosing or ReminderKind.Maintenance)
        {
            if (booking.Sessions.Any(s => s.Number > session.Number && s.Status != SessionStatus.Cancelled))
            {
                return "next-session-booked";
            }

            var intake = await intakes.GetAsync(booking.Header.IntakeId, ct).ConfigureAwait(false);
            var planned = intake is null ? booking.Sessions.Count : clinic.Plan.For(intake.Severity).Recommended;
            var complete = booking.Sessions.Count(s => s.Status != SessionStatus.Cancelled) >= planned;
            if (reminder.Kind == ReminderKind.Maintenance ? !complete : complete)
            {
                return reminder.Kind == ReminderKind.Maintenance ? "series-not-complete" : "series-complete";
            }

            if (await optOuts.IsOptedOutAsync(booking.Header.PatientEmail, ct).ConfigureAwait(false))
            {
                return "opted-out";
            }
        }

        return null;
    }

    [LoggerMessage(LogLevel.Information, "Reminder sweep: {Due} due, {Sent} sent, {Skipped} skipped, {Failed} failed, {Retrying} to retry, {Busy} held by another sweep")]
    private partial void LogSwept(int due, int sent, int skipped, int failed, int retrying, int busy);

    [LoggerMessage(LogLevel.Warning, "Reminder {Kind} for booking {BookingId} failed permanently with status {Status}")]
    private partial void LogFailed(string bookingId, ReminderKind kind, int status);
}
