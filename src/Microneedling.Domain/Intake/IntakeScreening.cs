using Microneedling.Domain.Clinics;
using NodaTime;

namespace Microneedling.Domain.Intake;

/// <summary>
/// Intake answers to an outcome. Deferrals (active breakout, rosacea, eczema, irritated skin,
/// pregnancy, recent radiation) make it not-eligible-now; consult findings (scarring easily,
/// raised scars, other conditions in the area) need a practitioner first; otherwise eligible.
/// </summary>
public static class IntakeScreening
{
    public static ScreeningResult Screen(IntakeAnswers answers, LocalDate today, ScreeningPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(policy);
        var findings = new List<Finding>();

        if (answers.ActiveBreakout)
        {
            findings.Add(new("active-breakout", FindingEffect.Defer,
                "You have an active breakout. Needling over active acne can spread bacteria and cause new scars, so the acne is treated first. Please ask again once it has settled.",
                today.PlusDays(policy.ActiveBreakoutRecheckDays)));
        }

        if (answers.Rosacea)
        {
            findings.Add(new("rosacea", FindingEffect.Defer,
                "Microneedling can make rosacea worse, so it is not offered while you have it. A practitioner can advise when that changes.", null));
        }

        if (answers.Eczema)
        {
            findings.Add(new("eczema", FindingEffect.Defer,
                "Microneedling can make eczema worse, so it is not offered while you have it in the treatment area. A practitioner can advise when that changes.", null));
        }

        if (answers.IrritatedSunburntOrInflamedSkin)
        {
            findings.Add(new("irritated-skin", FindingEffect.Defer,
                "Irritated, sunburnt or inflamed skin must not be needled. Please ask again once your skin has calmed down.",
                today.PlusDays(policy.IrritatedSkinRecheckDays)));
        }

        if (answers.Pregnant)
        {
            findings.Add(new("pregnancy", FindingEffect.Defer,
                "Microneedling is not offered during pregnancy. We will be glad to see you afterwards.",
                answers.PregnancyDueDate?.PlusWeeks(policy.AfterPregnancyWeeks)));
        }

        switch (answers.Radiation)
        {
            case RadiationTreatment.Current:
                findings.Add(new("radiation-treatment", FindingEffect.Defer,
                    "Microneedling is not offered during radiation treatment. Please ask again after your treatment has ended.", null));
                break;
            case RadiationTreatment.Ended when answers.RadiationEndedOn is not { } ended || ended.PlusMonths(policy.RadiationWaitMonths) > today:
                findings.Add(new("radiation-treatment-recent", FindingEffect.Defer,
                    "Microneedling is not offered soon after radiation treatment. Please ask again later.",
                    answers.RadiationEndedOn?.PlusMonths(policy.RadiationWaitMonths)));
                break;
        }

        if (answers.ScarsEasily)
        {
            findings.Add(new("scars-easily", FindingEffect.Consult,
                "Because you tend to scar easily, a practitioner needs to see you before any treatment.", null));
        }

        if (answers.ScarTypes.Contains(ScarType.HypertrophicOrKeloid))
        {
            findings.Add(new("raised-scars", FindingEffect.Consult,
                "Microneedling does not help raised (hypertrophic or keloid) scars, which already have excess collagen, and may worsen them. A practitioner will look at your scars with you first.", null));
        }

        if (answers.OtherSkinConditionInArea)
        {
            findings.Add(new("other-skin-condition", FindingEffect.Consult,
                "You mentioned another skin condition in the treatment area, so a practitioner needs to see you first.", null));
        }

        if (answers.ScarTypes.Count == 0)
        {
            findings.Add(new("scar-type-unknown", FindingEffect.Consult,
                "A practitioner will look at your scars with you to decide on a treatment.", null));
        }

        var deferrals = findings.Where(f => f.Effect == FindingEffect.Defer).ToList();
        var outcome = deferrals.Count > 0 ? IntakeOutcome.NotEligibleNow
            : findings.Count > 0 ? IntakeOutcome.Consult
            : IntakeOutcome.Eligible;

        // Ask again on a date only when every deferral has one: the latest of them.
        LocalDate? askAgain = deferrals.Count > 0 && deferrals.All(d => d.AskAgainOn is not null)
            ? deferrals.Max(d => d.AskAgainOn!.Value)
            : null;

        return new ScreeningResult(outcome, findings, askAgain, [.. answers.ScarTypes.Distinct()], answers.MixedScars, answers.Severity, answers.Fitzpatrick);
    }
}
