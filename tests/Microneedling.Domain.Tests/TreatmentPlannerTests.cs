using Microneedling.Testing;
using Microneedling.Domain.Intake;
using Microneedling.Domain.Plans;
using NodaTime;

namespace Microneedling.Domain.Tests;

public class TreatmentPlannerTests
{
    private static readonly Clinics.Clinic Clinic = TestClinic.Create();
    private static readonly LocalDate First = new(2027, 1, 11);

    [Theory]
    [InlineData(ScarSeverity.Mild, 3, 3, 4)]
    [InlineData(ScarSeverity.Moderate, 4, 3, 5)]
    [InlineData(ScarSeverity.Severe, 6, 5, 6)]
    public void Severity_sets_the_number_of_sessions(ScarSeverity severity, int sessions, int min, int max)
    {
        var plan = Plan(severity).Plan!;

        Assert.Equal((sessions, min, max), (plan.Sessions, plan.MinSessions, plan.MaxSessions));
        Assert.Equal(sessions, plan.Schedule.Count);
    }

    [Fact]
    public void Sessions_follow_the_preferred_spacing_with_windows_of_four_to_six_weeks()
    {
        var plan = Plan(ScarSeverity.Mild).Plan!;

        Assert.Equal([First, First.PlusWeeks(4), First.PlusWeeks(8)], plan.Schedule.Select(s => s.ExpectedDate));
        Assert.Equal((First.PlusWeeks(4), First.PlusWeeks(6)), (plan.Schedule[1].WindowStart, plan.Schedule[1].WindowEnd));
        Assert.Equal((First.PlusWeeks(8), First.PlusWeeks(10)), (plan.Schedule[2].WindowStart, plan.Schedule[2].WindowEnd));
    }

    [Fact]
    public void Maintenance_is_a_year_after_the_last_session()
    {
        var plan = Plan(ScarSeverity.Mild).Plan!;

        Assert.Equal(First.PlusWeeks(8).PlusYears(1), plan.MaintenanceDate);
    }

    [Fact]
    public void The_price_covers_every_session_with_its_add_ons_less_the_series_discount()
    {
        var settings = TestClinic.Settings();
        settings.Plan.SeriesDiscountPercent = 10;
        var clinic = TestClinic.Build(settings);

        var plan = TreatmentPlanner.Plan(ScarSeverity.Moderate, [ScarType.Boxcar], First, clinic.FindService("microneedling")!, [clinic.FindAddOn("prp")!], clinic.Plan).Plan!;

        Assert.Equal(550m, plan.Price.PerSession.Amount);
        Assert.Equal(2200m, plan.Price.Subtotal.Amount);
        Assert.Equal(1980m, plan.Price.Total.Amount);
        Assert.Equal("GBP", plan.Price.Total.Currency);
    }

    [Fact]
    public void Raised_scars_alone_get_no_plan()
    {
        var result = TreatmentPlanner.Plan(ScarSeverity.Moderate, [ScarType.HypertrophicOrKeloid], First, Clinic.FindService("microneedling")!, [], Clinic.Plan);

        Assert.Null(result.Plan);
        Assert.Equal("raised-scars-not-treated", Assert.Single(result.Rules.Violations).Code);
    }

    [Theory]
    [InlineData(ScarSeverity.Mild, 2, false)]
    [InlineData(ScarSeverity.Mild, 4, true)]
    [InlineData(ScarSeverity.Mild, 5, false)]
    [InlineData(ScarSeverity.Severe, 5, true)]
    public void A_requested_session_count_must_fit_the_severity(ScarSeverity severity, int sessions, bool allowed)
    {
        var result = TreatmentPlanner.Plan(severity, [ScarType.Rolling], First, Clinic.FindService("microneedling")!, [], Clinic.Plan, sessions);

        Assert.Equal(allowed, result.Plan is not null);
    }

    [Fact]
    public void A_consultation_is_not_a_treatment_series()
    {
        var result = TreatmentPlanner.Plan(ScarSeverity.Mild, [ScarType.Rolling], First, Clinic.FindService("consultation")!, [], Clinic.Plan);

        Assert.Equal("not-a-treatment", Assert.Single(result.Rules.Violations).Code);
    }

    private static PlanResult Plan(ScarSeverity severity) =>
        TreatmentPlanner.Plan(severity, [ScarType.Rolling], First, Clinic.FindService("microneedling")!, [], Clinic.Plan);
}
