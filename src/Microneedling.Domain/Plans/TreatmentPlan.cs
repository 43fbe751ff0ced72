using Microneedling.Domain.Common;
using Microneedling.Domain.Intake;
using NodaTime;

namespace Microneedling.Domain.Plans;

/// <summary>One session of a series: its expected date and the window it may be booked in.</summary>
public sealed record PlannedSession(int Number, LocalDate ExpectedDate, LocalDate WindowStart, LocalDate WindowEnd);

public sealed record PriceEstimate(Money PerSession, int Sessions, Money Subtotal, decimal SeriesDiscountPercent, Money Total);

/// <summary>A proposed series: how many sessions, how far apart, when, when to maintain, and what it costs.</summary>
public sealed record TreatmentPlan(
    ScarSeverity Severity,
    int Sessions,
    int MinSessions,
    int MaxSessions,
    int MinSpacingWeeks,
    int MaxSpacingWeeks,
    IReadOnlyList<PlannedSession> Schedule,
    LocalDate MaintenanceDate,
    PriceEstimate Price);

public sealed record PlanResult(TreatmentPlan? Plan, RuleResult Rules);
