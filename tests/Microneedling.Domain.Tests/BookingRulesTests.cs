using Microneedling.Testing;
using Microneedling.Domain.Availability;
using Microneedling.Domain.Bookings;
using Microneedling.Domain.Clinics;
using Microneedling.Domain.Intake;
using NodaTime;

namespace Microneedling.Domain.Tests;

public class BookingRulesTests
{
    private static readonly Clinic Clinic = TestClinic.Create();

    [Theory]
    [InlineData("consultation", IntakeOutcome.Eligible, false, null)]
    [InlineData("consultation", IntakeOutcome.Consult, false, null)]
    [InlineData("consultation", IntakeOutcome.NotEligibleNow, false, "intake-not-eligible-now")]
    [InlineData("microneedling", IntakeOutcome.Eligible, false, null)]
    [InlineData("microneedling", IntakeOutcome.Consult, false, "consultation-required")]
    [InlineData("microneedling", IntakeOutcome.Consult, true, null)]
    [InlineData("microneedling", IntakeOutcome.NotEligibleNow, true, "intake-not-eligible-now")]
    public void Treatment_needs_an_eligible_or_cleared_intake(string service, IntakeOutcome outcome, bool cleared, string? code)
    {
        var result = BookingRules.CanBookService(Clinic.FindService(service)!, outcome, cleared);

        Assert.Equal(code, result.Violations.SingleOrDefault()?.Code);
    }

    [Theory]
    [InlineData(27, "spacing-too-soon")]
    [InlineData(28, null)]
    [InlineData(35, null)]
    [InlineData(42, null)]
    [InlineData(43, "spacing-too-late")]
    public void The_next_session_must_fall_four_to_six_weeks_after_the_previous(int days, string? code)
    {
        var previous = new LocalDate(2027, 1, 11);

        var result = BookingRules.CheckSpacing(previous, previous.PlusDays(days), Clinic.Plan);

        Assert.Equal(code, result.Violations.SingleOrDefault()?.Code);
    }

    [Fact]
    public void A_series_reports_each_badly_spaced_session_and_too_many_sessions()
    {
        var d = new LocalDate(2027, 1, 11);
        LocalDate[] dates = [d, d.PlusWeeks(3), d.PlusWeeks(7), d.PlusWeeks(14), d.PlusWeeks(18)];

        var result = BookingRules.CheckSeries(dates, Clinic.Plan.Mild, Clinic.Plan);

        Assert.Equal(["too-many-sessions", "spacing-too-soon", "spacing-too-late"], result.Violations.Select(v => v.Code));
        Assert.StartsWith("Session 2:", result.Violations[1].Message, StringComparison.Ordinal);
        Assert.StartsWith("Session 4:", result.Violations[2].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-25, null)]
    [InlineData(-24, null)]
    [InlineData(-23, "cancellation-cutoff-passed")]
    [InlineData(0, "session-started")]
    [InlineData(2, "session-started")]
    public void Cancelling_closes_at_the_cutoff(int hoursFromStart, string? code)
    {
        var start = Instant.FromUtc(2026, 12, 1, 10, 0);

        var result = BookingRules.CanCancel(start, start + Duration.FromHours(hoursFromStart), Clinic.Booking);

        Assert.Equal(code, result.Violations.SingleOrDefault()?.Code);
    }

    [Fact]
    public void Rescheduling_has_its_own_cutoff()
    {
        var settings = TestClinic.Settings();
        settings.Booking.RescheduleCutoffHours = 48;
        var clinic = TestClinic.Build(settings);
        var start = Instant.FromUtc(2026, 12, 1, 10, 0);

        Assert.Equal("reschedule-cutoff-passed", BookingRules.CanReschedule(start, start - Duration.FromHours(30), clinic.Booking).Violations[0].Code);
        Assert.True(BookingRules.CanCancel(start, start - Duration.FromHours(30), clinic.Booking).IsAllowed);
    }

    [Theory]
    [InlineData(2026, 11, 21, 13, "too-short-notice")]
    [InlineData(2026, 11, 23, 9, null)]
    [InlineData(2027, 5, 20, 9, null)]
    [InlineData(2027, 5, 21, 9, "beyond-horizon")]
    public void New_bookings_respect_notice_and_horizon(int y, int m, int d, int h, string? code)
    {
        var result = BookingRules.CheckNoticeAndHorizon(Instant.FromUtc(y, m, d, h, 0), Instant.FromUtc(2026, 11, 21, 12, 0), Clinic);

        Assert.Equal(code, result.Violations.SingleOrDefault()?.Code);
    }

    [Theory]
    [InlineData(9, 0, null)]
    [InlineData(9, 5, "slot-not-available")]
    [InlineData(11, 0, "slot-not-available")]
    [InlineData(7, 0, "slot-not-available")]
    public void Only_offered_times_can_be_booked(int hour, int minute, string? code)
    {
        var now = Instant.FromUtc(2026, 11, 21, 12, 0);
        var busy = new[] { new BusyInterval("amira", Instant.FromUtc(2026, 11, 30, 11, 0), Instant.FromUtc(2026, 11, 30, 12, 15)) };

        var result = BookingRules.CheckSlotOffered(Clinic, "microneedling", "city", "amira", Instant.FromUtc(2026, 11, 30, hour, minute), now, busy);

        Assert.Equal(code, result.Violations.SingleOrDefault()?.Code);
    }
}
