using NodaTime;

namespace Microneedling.Domain.Intake;

public enum IntakeOutcome
{
    /// <summary>May book treatment.</summary>
    Eligible,

    /// <summary>A practitioner must review before a treatment booking; a consultation may be booked.</summary>
    Consult,

    /// <summary>Defer: no booking now; see the findings for why and when to ask again.</summary>
    NotEligibleNow,
}

public enum FindingEffect
{
    Defer,
    Consult,
}

/// <summary>One reason behind the outcome: a stable code, a patient-friendly sentence, and when to ask again where known.</summary>
public sealed record Finding(string Code, FindingEffect Effect, string PatientMessage, LocalDate? AskAgainOn);

public sealed record ScreeningResult(
    IntakeOutcome Outcome,
    IReadOnlyList<Finding> Findings,
    LocalDate? AskAgainOn,
    IReadOnlyList<ScarType> ScarTypes,
    bool MixedScars,
    ScarSeverity Severity,
    FitzpatrickType Fitzpatrick);
