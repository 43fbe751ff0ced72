using System.Globalization;
using Microneedling.Domain.Reminders;
using NodaTime;

namespace Microneedling.Domain.Tests;

/// <summary>
/// Which due email goes, as a table. Sessions are written one per session number from 1, as a state
/// letter and the session's sequence: B booked, C cancelled, A attended, N no-show ("B0 C1" is
/// session 1 booked at sequence 0 and session 2 cancelled at sequence 1). The confirmation is
/// "pending", "skipped", "failed", or "sent" with the sequences it showed ("sent 1=0 2=0").
/// </summary>
public class ReminderRulesTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 21, 12, 0);

    [Theory]
    // The confirmation: sent while anything is still booked, listing what is booked then.
    [InlineData("BookingConfirmation", "1", 0, "B0 B0 B0", "pending", "send")]
    [InlineData("BookingConfirmation", "1", 0, "C1 B0 B0", "pending", "send")]
    [InlineData("BookingConfirmation", "1", 0, "B2 B0", "pending", "send")]
    [InlineData("BookingConfirmation", "1", 0, "C1 C1 C1", "pending", "skip cancelled")]
    [InlineData("BookingConfirmation", "1", 0, "", "pending", "skip booking-gone")]
    // A move: after the confirmation, and only if the confirmation did not already show it.
    [InlineData("Rescheduled", "1", 1, "B1", "sent 1=0", "send")]
    [InlineData("Rescheduled", "1", 1, "B1", "sent 1=1", "skip covered-by-confirmation")]
    [InlineData("Rescheduled", "1", 1, "B1", "pending", "wait waiting-for-confirmation")]
    [InlineData("Rescheduled", "1", 1, "B1", "failed", "send")]
    [InlineData("Rescheduled", "1", 1, "B1", "sent", "send")]
    [InlineData("Rescheduled", "1", 1, "B2", "sent 1=0", "skip superseded")]
    [InlineData("Rescheduled", "1", 1, "C2", "sent 1=0", "skip cancelled")]
    // A cancellation: one email for every session one request cancelled.
    [InlineData("Cancelled", "2,3", 1, "B0 C1 C1", "sent 1=0 2=0 3=0", "send")]
    [InlineData("Cancelled", "2,3", 1, "B0 C1 B0", "sent 1=0 2=0 3=0", "skip not-cancelled")]
    [InlineData("Cancelled", "1", 1, "C1", "pending", "wait waiting-for-confirmation")]
    [InlineData("Cancelled", "1,2", 1, "C1 C1", "skipped", "send")]
    [InlineData("Cancelled", "2", 1, "B0 C1", "sent 1=0", "skip never-confirmed")]
    [InlineData("Cancelled", "1", 1, "C1", "sent", "send")]
    // Planned reminders: only for the session as it was planned.
    [InlineData("PreCare", "1", 0, "B0", "sent 1=0", "send")]
    [InlineData("PreCare", "1", 0, "B1", "sent 1=0", "skip superseded")]
    [InlineData("PreCare", "1", 0, "C1", "sent 1=0", "skip cancelled")]
    [InlineData("PreCare", "4", 0, "B0", "sent 1=0", "skip booking-gone")]
    [InlineData("AftercareDay1", "1", 0, "N0", "sent 1=0", "skip no-show")]
    [InlineData("AftercareDay1", "1", 0, "A0", "sent 1=0", "send")]
    [InlineData("RebookingOpen", "1", 0, "A0", "sent 1=0", "send")]
    [InlineData("RebookingOpen", "1", 0, "A0 B0", "sent 1=0 2=0", "skip next-session-booked")]
    [InlineData("RebookingOpen", "1", 0, "A0 C1", "sent 1=0 2=0", "send")]
    [InlineData("RebookingClosing", "3", 0, "A0 A0 A0", "sent 1=0 2=0 3=0", "skip series-complete")]
    [InlineData("Maintenance", "3", 0, "A0 A0 A0", "sent 1=0 2=0 3=0", "send")]
    [InlineData("Maintenance", "1", 0, "A0", "sent 1=0", "skip series-not-complete")]
    public void Decides_what_still_applies(string kind, string about, int sequence, string sessions, string confirmation, string expected) =>
        Assert.Equal(expected, Show(ReminderRules.Decide(Snapshot(kind, about, sequence, sessions, confirmation))));

    [Theory]
    [InlineData("RebookingOpen", "A0", false, "send")]
    [InlineData("RebookingOpen", "A0", true, "skip opted-out")]
    [InlineData("Maintenance", "A0 A0 A0", true, "skip opted-out")]
    [InlineData("PreCare", "B0", true, "send")]
    public void Only_rebooking_and_maintenance_respect_an_opt_out(string kind, string sessions, bool optedOut, string expected)
    {
        var about = kind == "Maintenance" ? "3" : "1";

        var decision = ReminderRules.Decide(Snapshot(kind, about, 0, sessions, "sent 1=0") with { OptedOut = optedOut });

        Assert.Equal(expected, Show(decision));
    }

    [Theory]
    [InlineData("BookingConfirmation", 0)]
    [InlineData("Cancelled", 1)]
    [InlineData("PreCare", 0)]
    public void Nothing_goes_once_it_is_too_late(string kind, int sequence)
    {
        var snapshot = Snapshot(kind, "1", sequence, sequence == 0 ? "B0" : "C1", "sent 1=0") with { StaleAt = Now };

        Assert.Equal("skip too-late", Show(ReminderRules.Decide(snapshot)));
    }

    [Fact]
    public void A_change_email_stops_waiting_for_a_confirmation_that_never_comes()
    {
        var snapshot = Snapshot("Rescheduled", "1", 1, "B1", "pending") with { WaitUntil = Now };

        Assert.Equal("send", Show(ReminderRules.Decide(snapshot)));
    }

    private static ReminderSnapshot Snapshot(string kind, string about, int sequence, string sessions, string confirmation) => new(
        Enum.Parse<ReminderKind>(kind),
        [.. about.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))],
        sequence,
        Now,
        StaleAt: Now + Duration.FromDays(30),
        WaitUntil: Now + Duration.FromHours(1),
        Sessions(sessions),
        PlannedSessions: 3,
        OptedOut: false,
        Confirmation(confirmation));

    private static List<SessionSnapshot> Sessions(string text) =>
    [
        .. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((s, i) => new SessionSnapshot(
            i + 1,
            s[0] switch { 'B' => SessionState.Booked, 'C' => SessionState.Cancelled, 'A' => SessionState.Attended, _ => SessionState.NoShow },
            int.Parse(s[1..], CultureInfo.InvariantCulture))),
    ];

    private static ConfirmationSnapshot Confirmation(string text)
    {
        var words = text.Split(' ');
        var shown = words.Skip(1).Select(w => w.Split('=')).ToDictionary(p => int.Parse(p[0], CultureInfo.InvariantCulture), p => int.Parse(p[1], CultureInfo.InvariantCulture));
        return new ConfirmationSnapshot(Enum.Parse<ConfirmationState>(words[0], ignoreCase: true), shown);
    }

    private static string Show(ReminderDecision decision) => decision.Verdict switch
    {
        ReminderVerdict.Send => "send",
        ReminderVerdict.Skip => "skip " + decision.Reason,
        _ => "wait " + decision.Reason,
    };
}
