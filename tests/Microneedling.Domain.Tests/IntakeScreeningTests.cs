using Microneedling.Testing;
using Microneedling.Domain.Intake;
using NodaTime;

namespace Microneedling.Domain.Tests;

public class IntakeScreeningTests
{
    private static readonly LocalDate Today = new(2026, 11, 21);
    private static readonly Clinics.ScreeningPolicy Policy = TestClinic.Create().Screening;

    private static IntakeAnswers Clear(params ScarType[] scars) => new(
        ActiveBreakout: false, Rosacea: false, Eczema: false, IrritatedSunburntOrInflamedSkin: false,
        Pregnant: false, PregnancyDueDate: null, Radiation: RadiationTreatment.None, RadiationEndedOn: null,
        ScarsEasily: false, OtherSkinConditionInArea: false,
        ScarTypes: scars.Length == 0 ? [ScarType.Rolling] : scars, Severity: ScarSeverity.Moderate, Fitzpatrick: FitzpatrickType.III);

    public static TheoryData<string, Func<IntakeAnswers, IntakeAnswers>, IntakeOutcome, string, string?> Cases => new()
    {
        { "active breakout", a => a with { ActiveBreakout = true }, IntakeOutcome.NotEligibleNow, "active-breakout", "2026-12-19" },
        { "rosacea", a => a with { Rosacea = true }, IntakeOutcome.NotEligibleNow, "rosacea", null },
        { "eczema", a => a with { Eczema = true }, IntakeOutcome.NotEligibleNow, "eczema", null },
        { "irritated or sunburnt", a => a with { IrritatedSunburntOrInflamedSkin = true }, IntakeOutcome.NotEligibleNow, "irritated-skin", "2026-12-05" },
        { "pregnant, due date known", a => a with { Pregnant = true, PregnancyDueDate = new LocalDate(2027, 3, 1) }, IntakeOutcome.NotEligibleNow, "pregnancy", "2027-05-24" },
        { "pregnant, no due date", a => a with { Pregnant = true }, IntakeOutcome.NotEligibleNow, "pregnancy", null },
        { "radiation now", a => a with { Radiation = RadiationTreatment.Current }, IntakeOutcome.NotEligibleNow, "radiation-treatment", null },
        { "radiation ended recently", a => a with { Radiation = RadiationTreatment.Ended, RadiationEndedOn = new LocalDate(2026, 6, 1) }, IntakeOutcome.NotEligibleNow, "radiation-treatment-recent", "2027-06-01" },
        { "radiation ended, date unknown", a => a with { Radiation = RadiationTreatment.Ended }, IntakeOutcome.NotEligibleNow, "radiation-treatment-recent", null },
        { "scars easily", a => a with { ScarsEasily = true }, IntakeOutcome.Consult, "scars-easily", null },
        { "keloid scars", a => a with { ScarTypes = [ScarType.HypertrophicOrKeloid] }, IntakeOutcome.Consult, "raised-scars", null },
        { "mixed with raised scars", a => a with { ScarTypes = [ScarType.Boxcar, ScarType.HypertrophicOrKeloid] }, IntakeOutcome.Consult, "raised-scars", null },
        { "other condition in the area", a => a with { OtherSkinConditionInArea = true }, IntakeOutcome.Consult, "other-skin-condition", null },
        { "scar type unknown", a => a with { ScarTypes = [] }, IntakeOutcome.Consult, "scar-type-unknown", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_contraindication_gives_its_outcome_code_and_when_to_ask_again(
        string why, Func<IntakeAnswers, IntakeAnswers> answer, IntakeOutcome outcome, string code, string? askAgain)
    {
        var result = IntakeScreening.Screen(answer(Clear()), Today, Policy);

        Assert.Equal(outcome, result.Outcome);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(code, finding.Code);
        Assert.False(string.IsNullOrWhiteSpace(finding.PatientMessage), why);
        Assert.Equal(askAgain, finding.AskAgainOn?.ToString("yyyy-MM-dd", null));
    }

    [Fact]
    public void Radiation_that_ended_long_enough_ago_is_no_finding()
    {
        var result = IntakeScreening.Screen(Clear() with { Radiation = RadiationTreatment.Ended, RadiationEndedOn = new LocalDate(2025, 11, 21) }, Today, Policy);

        Assert.Equal(IntakeOutcome.Eligible, result.Outcome);
    }

    [Theory]
    [InlineData(ScarType.Icepick)]
    [InlineData(ScarType.Boxcar)]
    [InlineData(ScarType.Rolling)]
    public void Atrophic_scars_without_contraindications_are_eligible(ScarType scar)
    {
        var result = IntakeScreening.Screen(Clear(scar), Today, Policy);

        Assert.Equal(IntakeOutcome.Eligible, result.Outcome);
        Assert.Empty(result.Findings);
        Assert.Null(result.AskAgainOn);
    }

    [Theory]
    [InlineData(FitzpatrickType.I)]
    [InlineData(FitzpatrickType.IV)]
    [InlineData(FitzpatrickType.VI)]
    public void Every_skin_type_is_eligible_and_recorded(FitzpatrickType type)
    {
        var result = IntakeScreening.Screen(Clear() with { Fitzpatrick = type }, Today, Policy);

        Assert.Equal(IntakeOutcome.Eligible, result.Outcome);
        Assert.Equal(type, result.Fitzpatrick);
    }

    [Fact]
    public void Mixed_atrophic_scars_are_recorded_as_mixed_and_eligible()
    {
        var result = IntakeScreening.Screen(Clear(ScarType.Icepick, ScarType.Rolling, ScarType.Rolling), Today, Policy);

        Assert.True(result.MixedScars);
        Assert.Equal([ScarType.Icepick, ScarType.Rolling], result.ScarTypes);
        Assert.Equal(IntakeOutcome.Eligible, result.Outcome);
    }

    [Fact]
    public void A_deferral_outranks_a_consult_and_every_finding_is_listed()
    {
        var result = IntakeScreening.Screen(Clear() with { ActiveBreakout = true, ScarsEasily = true, IrritatedSunburntOrInflamedSkin = true }, Today, Policy);

        Assert.Equal(IntakeOutcome.NotEligibleNow, result.Outcome);
        Assert.Equal(["active-breakout", "irritated-skin", "scars-easily"], result.Findings.Select(f => f.Code));
        Assert.Equal(new LocalDate(2026, 12, 19), result.AskAgainOn);
    }

    [Fact]
    public void No_ask_again_date_when_one_deferral_has_none()
    {
        var result = IntakeScreening.Screen(Clear() with { ActiveBreakout = true, Rosacea = true }, Today, Policy);

        Assert.Null(result.AskAgainOn);
    }
}
