using NodaTime;

namespace Microneedling.Domain.Reminders;

public enum SessionState
{
    Booked,
    Cancelled,
    Attended,
    NoShow,
}

/// <summary>A session as the reminder rules see it: the sequence rises with every change of time, place or status.</summary>
public sealed record SessionSnapshot(int Number, SessionState State, int Sequence);

public enum ConfirmationState
{
    /// <summary>The booking's confirmation has not been decided yet (still to send, or being sent).</summary>
    Pending,

    /// <summary>Sent, showing the sessions in <see cref="ConfirmationSnapshot.Shown"/> at those sequences.</summary>
    Sent,

    /// <summary>Not sent, because nothing was left to confirm (everything cancelled first), or it came too late.</summary>
    Skipped,

    /// <summary>Refused for good by the email service: the patient never got it.</summary>
    Failed,
}

/// <summary>What became of the booking's confirmation email, and which session sequences it showed.</summary>
public sealed record ConfirmationSnapshot(ConfirmationState State, IReadOnlyDictionary<int, int> Shown)
{
    public static readonly ConfirmationSnapshot Pending = new(ConfirmationState.Pending, new Dictionary<int, int>());
}

/// <summary>
/// Everything the rules need about one due email and its booking. <see cref="Sessions"/> is empty
/// when the booking is gone; <see cref="SessionNumbers"/> are the sessions the email is about (a
/// cancellation covers every session one request cancelled).
/// </summary>
public sealed record ReminderSnapshot(
    ReminderKind Kind,
    IReadOnlyList<int> SessionNumbers,
    int SessionSequence,
    Instant Now,
    Instant StaleAt,
    Instant WaitUntil,
    IReadOnlyList<SessionSnapshot> Sessions,
    int PlannedSessions,
    bool OptedOut,
    ConfirmationSnapshot Confirmation);

public enum ReminderVerdict
{
    Send,
    Skip,

    /// <summary>Not yet: ask again later (a change email waits for the booking's confirmation).</summary>
    Wait,
}

public sealed record ReminderDecision(ReminderVerdict Verdict, string? Reason)
{
    public static readonly ReminderDecision Send = new(ReminderVerdict.Send, null);

    public static ReminderDecision Skip(string reason) => new(ReminderVerdict.Skip, reason);

    public static ReminderDecision Wait(string reason) => new(ReminderVerdict.Wait, reason);
}

/// <summary>
/// Whether a due email still applies, decided when it is about to go. The rules a clinic and its
/// patients expect:
/// <list type="bullet">
/// <item>Every email describes the booking as it is when it is sent.</item>
/// <item>The confirmation goes unless everything in it was cancelled first; it lists the sessions
/// still booked then.</item>
/// <item>A change email (moved, cancelled) waits until the confirmation has gone (or been dropped),
/// so the two arrive in order; and is dropped when the confirmation already showed the change (a
/// move it already shows, a cancelled session it never listed). When the confirmation was dropped
/// because everything was cancelled, the cancellation goes: it says on its own what was booked.</item>
/// <item>Planned reminders (pre-care, aftercare, rebooking, maintenance) go only for a session
/// still as it was when they were planned, and rebooking and maintenance only to patients who
/// have not opted out, at the point of the series they are about.</item>
/// </list>
/// </summary>
public static class ReminderRules
{
    public static ReminderDecision Decide(ReminderSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var sessions = snapshot.SessionNumbers.Select(n => snapshot.Sessions.FirstOrDefault(s => s.Number == n)).ToList();
        if (snapshot.Sessions.Count == 0 || sessions.Any(s => s is null))
        {
            return ReminderDecision.Skip("booking-gone");
        }

        if (snapshot.Now >= snapshot.StaleAt)
        {
            return ReminderDecision.Skip("too-late");
        }

        return snapshot.Kind switch
        {
            ReminderKind.BookingConfirmation => snapshot.Sessions.All(s => s.State == SessionState.Cancelled)
                ? ReminderDecision.Skip("cancelled")
                : ReminderDecision.Send,
            ReminderKind.Rescheduled => Rescheduled(snapshot, sessions[0]!),
            ReminderKind.Cancelled => Cancelled(snapshot, sessions!),
            _ => Planned(snapshot, sessions[0]!),
        };
    }

    private static ReminderDecision Rescheduled(ReminderSnapshot snapshot, SessionSnapshot session)
    {
        if (session.State == SessionState.Cancelled)
        {
            return ReminderDecision.Skip("cancelled");
        }

        if (session.Sequence != snapshot.SessionSequence)
        {
            return ReminderDecision.Skip("superseded");
        }

        var confirmation = snapshot.Confirmation;
        return confirmation.State switch
        {
            ConfirmationState.Pending when snapshot.Now < snapshot.WaitUntil => ReminderDecision.Wait("waiting-for-confirmation"),
            ConfirmationState.Sent when confirmation.Shown.TryGetValue(session.Number, out var shown) && shown >= session.Sequence
                => ReminderDecision.Skip("covered-by-confirmation"),
            _ => ReminderDecision.Send,
        };
    }

    private static ReminderDecision Cancelled(ReminderSnapshot snapshot, IReadOnlyList<SessionSnapshot> sessions)
    {
        if (sessions.Any(s => s.State != SessionState.Cancelled))
        {
            return ReminderDecision.Skip("not-cancelled");
        }

        var confirmation = snapshot.Confirmation;
        return confirmation.State switch
        {
            ConfirmationState.Pending when snapshot.Now < snapshot.WaitUntil => ReminderDecision.Wait("waiting-for-confirmation"),
            ConfirmationState.Sent when confirmation.Shown.Count > 0 && !sessions.Any(s => confirmation.Shown.ContainsKey(s.Number))
                => ReminderDecision.Skip("never-confirmed"),
            _ => ReminderDecision.Send,
        };
    }

    private static ReminderDecision Planned(ReminderSnapshot snapshot, SessionSnapshot session)
    {
        if (session.State == SessionState.Cancelled)
        {
            return ReminderDecision.Skip("cancelled");
        }

        if (session.Sequence != snapshot.SessionSequence)
        {
            return ReminderDecision.Skip("superseded"); // the change that raised the sequence planned this session's emails again
        }

        if (session.State == SessionState.NoShow && snapshot.Kind is ReminderKind.AftercareDay0 or ReminderKind.AftercareDay1 or ReminderKind.AftercareDay3 or ReminderKind.HealingCheckDay7)
        {
            return ReminderDecision.Skip("no-show");
        }

        if (snapshot.Kind is not (ReminderKind.RebookingOpen or ReminderKind.RebookingClosing or ReminderKind.Maintenance))
        {
            return ReminderDecision.Send;
        }

        if (snapshot.Sessions.Any(s => s.Number > session.Number && s.State != SessionState.Cancelled))
        {
            return ReminderDecision.Skip("next-session-booked");
        }

        var complete = snapshot.Sessions.Count(s => s.State != SessionState.Cancelled) >= snapshot.PlannedSessions;
        if (snapshot.Kind == ReminderKind.Maintenance ? !complete : complete)
        {
            return ReminderDecision.Skip(snapshot.Kind == ReminderKind.Maintenance ? "series-not-complete" : "series-complete");
        }

        return snapshot.OptedOut ? ReminderDecision.Skip("opted-out") : ReminderDecision.Send;
    }
}
