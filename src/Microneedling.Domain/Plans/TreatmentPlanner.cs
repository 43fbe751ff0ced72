using Microneedling.Domain.Clinics;
using Microneedling.Domain.Common;
using Microneedling.Domain.Intake;
using NodaTime;

namespace Microneedling.Domain.Plans;

/// <summary>
/// From severity and scar types to a series: the clinic's session count for the severity, sessions
/// at the preferred spacing inside the 4-6 week window, maintenance a year after the last session.
/// </summary>
public static class TreatmentPlanner
{
    public static PlanResult Plan(
        ScarSeverity severity,
        IReadOnlyList<ScarType> scarTypes,
        LocalDate firstSession,
        Service service,
        IReadOnlyList<AddOn> addOns,
        PlanPolicy policy,
        int? requestedSessions = null)
    {
        ArgumentNullException.ThrowIfNull(scarTypes);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(addOns);
        ArgumentNullException.ThrowIfNull(policy);
        if (scarTypes.Count > 0 && scarTypes.All(t => t == ScarType.HypertrophicOrKeloid))
        {
            return new PlanResult(null, RuleResult.Refused("raised-scars-not-treated",
                "Microneedling does not treat raised scars; a practitioner will discuss other options."));
        }

        if (service.Kind != ServiceKind.Microneedling)
        {
            return new PlanResult(null, RuleResult.Refused("not-a-treatment", $"{service.Name} is not a treatment service."));
        }

        var counts = policy.For(severity);
        var sessions = requestedSessions ?? counts.Recommended;
        if (sessions < counts.Min || sessions > counts.Max)
        {
            return new PlanResult(null, RuleResult.Refused("session-count-out-of-range",
                $"A {severity.ToString().ToLowerInvariant()} series has {counts.Min} to {counts.Max} sessions."));
        }

        var schedule = new List<PlannedSession> { new(1, firstSession, firstSession, firstSession) };
        for (var n = 2; n <= sessions; n++)
        {
            var previous = schedule[^1].ExpectedDate;
            schedule.Add(new PlannedSession(n, previous.PlusWeeks(policy.PreferredSpacingWeeks),
                previous.PlusWeeks(policy.MinSpacingWeeks), previous.PlusWeeks(policy.MaxSpacingWeeks)));
        }

        var perSession = addOns.Aggregate(service.Price, (sum, addOn) => sum.Plus(addOn.Price));
        var subtotal = perSession.Times(sessions);
        var price = new PriceEstimate(perSession, sessions, subtotal, policy.SeriesDiscountPercent, subtotal.LessPercent(policy.SeriesDiscountPercent));
        var plan = new TreatmentPlan(severity, sessions, counts.Min, counts.Max, policy.MinSpacingWeeks, policy.MaxSpacingWeeks,
            schedule, schedule[^1].ExpectedDate.PlusMonths(policy.MaintenanceIntervalMonths), price);
        return new PlanResult(plan, RuleResult.Allowed);
    }
}
