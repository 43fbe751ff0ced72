using Microneedling.Domain.Clinics;
using Microneedling.Domain.Retention;
using Microneedling.Testing;
using NodaTime;
using NodaTime.Text;

namespace Microneedling.Domain.Tests;

public class RetentionRulesTests
{
    private static readonly RetentionPolicy Defaults = RetentionPolicy.Default;

    private static Instant At(string text) => InstantPattern.ExtendedIso.Parse(text).Value;

    [Theory]
    [InlineData("2026-11-21T12:00:00Z", null, "2026-12-21T12:00:00Z")] // never booked: 30 days after the intake
    [InlineData("2026-11-21T12:00:00Z", "2027-03-01T09:00:00Z", "2028-04-01T09:00:00Z")] // booked: 13 months after the last session
    [InlineData("2026-11-21T12:00:00Z", "2027-01-31T09:00:00Z", "2028-02-29T09:00:00Z")] // a month after 31 January ends in February
    public void Intake_answers_go_soon_after_an_unbooked_intake_and_months_after_the_last_session(string created, string? lastSession, string expected) =>
        Assert.Equal(At(expected), RetentionRules.IntakeAnswersExpireAt(At(created), lastSession is null ? null : At(lastSession), Defaults));

    [Theory]
    [InlineData("2026-11-21T12:00:00Z", null, "2032-11-21T12:00:00Z")]
    [InlineData("2026-11-21T12:00:00Z", "2027-03-01T09:00:00Z", "2033-03-01T09:00:00Z")]
    public void What_is_left_of_an_intake_goes_with_the_personal_details_of_its_bookings(string created, string? lastSession, string expected) =>
        Assert.Equal(At(expected), RetentionRules.IntakeRecordExpiresAt(At(created), lastSession is null ? null : At(lastSession), Defaults));

    [Fact]
    public void Personal_details_go_six_years_after_the_last_session_by_default() =>
        Assert.Equal(At("2033-03-01T09:00:00Z"), RetentionRules.PersonalDetailsExpireAt(At("2027-03-01T09:00:00Z"), Defaults));

    [Theory]
    [InlineData("2026-11-21T12:00:00Z", "2027-03-01T09:00:00Z", "2027-05-30T09:00:00Z")] // a confirmation: kept while the booking is live
    [InlineData("2028-03-01T09:00:00Z", "2027-03-01T09:00:00Z", "2028-05-30T09:00:00Z")] // a maintenance email sent after the last session
    public void An_email_log_entry_outlives_both_its_sending_and_the_bookings_last_session(string sent, string lastActivity, string expected) =>
        Assert.Equal(At(expected), RetentionRules.EmailLogExpiresAt(At(sent), At(lastActivity), Defaults));

    [Fact]
    public void Idempotency_keys_go_after_a_day() =>
        Assert.Equal(At("2026-11-22T12:00:00Z"), RetentionRules.IdempotencyExpiresAt(At("2026-11-21T12:00:00Z"), Defaults));

    [Theory]
    [InlineData("2026-11-21T12:00:00Z", "2026-12-07T09:00:00Z", false, "2027-01-04T09:00:00Z", false, "2027-01-04T09:00:00Z")]
    [InlineData("2026-11-21T12:00:00Z", "2026-12-07T09:00:00Z", false, "2027-01-04T09:00:00Z", true, "2026-12-07T09:00:00Z")] // a cancelled session does not count
    [InlineData("2026-12-20T12:00:00Z", "2026-12-07T09:00:00Z", true, "2027-01-04T09:00:00Z", true, "2026-12-20T12:00:00Z")] // all cancelled: the cancellation
    public void A_bookings_last_activity_is_its_last_session_not_cancelled_or_its_last_change(
        string changed, string first, bool firstCancelled, string second, bool secondCancelled, string expected) =>
        Assert.Equal(At(expected), RetentionRules.LastActivity(At(changed), [(At(first), firstCancelled), (At(second), secondCancelled)]));

    [Fact]
    public void Settings_default_to_the_documented_periods()
    {
        var clinic = TestClinic.Create();

        Assert.Equal(Defaults, clinic.Retention);
        Assert.Equal(new RetentionPolicy(Duration.FromDays(30), 13, 72, Duration.FromDays(90), Duration.FromHours(24)), clinic.Retention);
    }

    public static TheoryData<string, Action<RetentionSettings>, string> Broken => new()
    {
        { "no unbooked period", s => s.UnbookedIntakeDays = 0, "Clinic:Retention:UnbookedIntakeDays 0 is outside 1-1098." },
        { "negative answers period", s => s.IntakeAnswersMonthsAfterLastSession = -1, "Clinic:Retention:IntakeAnswersMonthsAfterLastSession -1 is outside 1-120." },
        { "no email log", s => s.EmailLogDays = 0, "Clinic:Retention:EmailLogDays 0 is outside 1-3660." },
        { "keys forever", s => s.IdempotencyHours = 100_000, "Clinic:Retention:IdempotencyHours 100000 is outside 1-720." },
        {
            "answers outlive the name", s => (s.IntakeAnswersMonthsAfterLastSession, s.PersonalDetailsMonthsAfterLastSession) = (24, 12),
            "Clinic:Retention:PersonalDetailsMonthsAfterLastSession 12 is shorter than IntakeAnswersMonthsAfterLastSession (24)"
        },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Broken_retention_settings_are_refused_naming_the_setting(string why, Action<RetentionSettings> breakIt, string expected)
    {
        ArgumentNullException.ThrowIfNull(breakIt);
        var settings = TestClinic.Settings();
        breakIt(settings.Retention);

        var result = ClinicFactory.Create(settings);

        Assert.True(result.Clinic is null, why);
        Assert.Contains(result.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Configured_periods_are_used()
    {
        var settings = TestClinic.Settings();
        settings.Retention = new RetentionSettings { UnbookedIntakeDays = 7, IntakeAnswersMonthsAfterLastSession = 6, PersonalDetailsMonthsAfterLastSession = 24, EmailLogDays = 30, IdempotencyHours = 48 };

        var retention = ClinicFactory.Create(settings).Clinic!.Retention;

        Assert.Equal(new RetentionPolicy(Duration.FromDays(7), 6, 24, Duration.FromDays(30), Duration.FromHours(48)), retention);
    }
}
