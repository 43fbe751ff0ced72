using Microneedling.Domain.Clinics;
using Microneedling.Domain.Reminders;
using Microneedling.Testing;
using NodaTime;

namespace Microneedling.Domain.Tests;

public class ReminderPlannerTests
{
    private static readonly Clinic Clinic = TestClinic.Create();
    private static readonly Instant Start = Instant.FromUtc(2027, 1, 11, 9, 0);
    private static readonly Instant Booked = Instant.FromUtc(2026, 11, 21, 12, 0);

    private static Dictionary<ReminderKind, Instant> Due(Instant start, Instant? now = null, Clinic? clinic = null) =>
        ReminderPlanner.ForSession(start, now ?? Booked, clinic ?? Clinic, ServiceKind.Microneedling).ToDictionary(r => r.Kind, r => r.DueAt);

    [Fact]
    public void A_treatment_session_gets_the_whole_sequence_at_its_local_times()
    {
        var due = Due(Start);

        Assert.Equal(Instant.FromUtc(2027, 1, 10, 9, 0), due[ReminderKind.PreCare]);
        Assert.Equal(Instant.FromUtc(2027, 1, 11, 19, 0), due[ReminderKind.AftercareDay0]);
        Assert.Equal(Instant.FromUtc(2027, 1, 12, 10, 0), due[ReminderKind.AftercareDay1]);
        Assert.Equal(Instant.FromUtc(2027, 1, 14, 10, 0), due[ReminderKind.AftercareDay3]);
        Assert.Equal(Instant.FromUtc(2027, 1, 18, 10, 0), due[ReminderKind.HealingCheckDay7]);
        Assert.Equal(Instant.FromUtc(2027, 2, 8, 10, 0), due[ReminderKind.RebookingOpen]);
        Assert.Equal(Instant.FromUtc(2027, 2, 22, 10, 0), due[ReminderKind.RebookingClosing]);
        Assert.Equal(Instant.FromUtc(2028, 1, 11, 10, 0), due[ReminderKind.Maintenance]);
    }

    [Fact]
    public void Local_times_follow_daylight_saving()
    {
        // Session on the Monday after clocks go forward (28 March 2027): pre-care is on the Sunday, in summer time.
        var due = Due(Instant.FromUtc(2027, 3, 29, 8, 0));

        Assert.Equal(Instant.FromUtc(2027, 3, 28, 8, 0), due[ReminderKind.PreCare]);
        Assert.Equal(Instant.FromUtc(2027, 3, 29, 18, 0), due[ReminderKind.AftercareDay0]);
    }

    [Theory]
    [InlineData("22:30", 2027, 1, 11, 8, 0)]
    [InlineData("06:00", 2027, 1, 10, 8, 0)]
    public void A_time_in_quiet_hours_moves_to_their_end(string preCareTime, int y, int m, int d, int h, int min)
    {
        var settings = TestClinic.Settings();
        settings.Reminders.QuietHoursStart = "21:00";
        settings.Reminders.QuietHoursEnd = "08:00";
        var policy = TestClinic.Build(settings).Reminders;
        var time = NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(preCareTime).Value;

        var due = ReminderPlanner.At(new LocalDate(2027, 1, 10), time, Clinic.TimeZone, policy);

        Assert.Equal(Instant.FromUtc(y, m, d, h, min), due);
    }

    [Fact]
    public void A_time_skipped_by_the_spring_gap_moves_past_it()
    {
        var policy = Clinic.Reminders with { QuietHoursStart = new LocalTime(0, 0), QuietHoursEnd = new LocalTime(0, 0) };

        var due = ReminderPlanner.At(new LocalDate(2027, 3, 28), new LocalTime(1, 30), Clinic.TimeZone, policy);

        Assert.Equal(Instant.FromUtc(2027, 3, 28, 1, 30), due);
    }

    [Fact]
    public void Reminders_already_stale_when_booked_are_not_planned()
    {
        var due = Due(Start, now: Start - Duration.FromHours(30));

        Assert.True(due.ContainsKey(ReminderKind.PreCare));
        Assert.False(Due(Start, now: Start + Duration.FromMinutes(1)).ContainsKey(ReminderKind.PreCare));
    }

    [Fact]
    public void A_consultation_gets_pre_care_only()
    {
        var kinds = ReminderPlanner.ForSession(Start, Booked, Clinic, ServiceKind.Consultation).Select(r => r.Kind);

        Assert.Equal([ReminderKind.PreCare], kinds);
    }

    [Fact]
    public void A_disabled_reminder_is_not_planned()
    {
        var settings = TestClinic.Settings();
        settings.Reminders.AftercareDay3.Enabled = false;

        Assert.False(Due(Start, clinic: TestClinic.Build(settings)).ContainsKey(ReminderKind.AftercareDay3));
    }
}
