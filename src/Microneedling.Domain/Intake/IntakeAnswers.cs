using NodaTime;

namespace Microneedling.Domain.Intake;

public enum ScarType
{
    Icepick,
    Boxcar,
    Rolling,

    /// <summary>Raised scars: they already have excess collagen, and microneedling may worsen them.</summary>
    HypertrophicOrKeloid,
}

public enum ScarSeverity
{
    Mild,
    Moderate,
    Severe,
}

/// <summary>Fitzpatrick skin type, recorded for the practitioner; it does not decide eligibility.</summary>
public enum FitzpatrickType
{
    I = 1,
    II,
    III,
    IV,
    V,
    VI,
}

public enum RadiationTreatment
{
    None,
    Current,
    Ended,
}

/// <summary>A patient's answers to the intake questions.</summary>
public sealed record IntakeAnswers(
    bool ActiveBreakout,
    bool Rosacea,
    bool Eczema,
    bool IrritatedSunburntOrInflamedSkin,
    bool Pregnant,
    LocalDate? PregnancyDueDate,
    RadiationTreatment Radiation,
    LocalDate? RadiationEndedOn,
    bool ScarsEasily,
    bool OtherSkinConditionInArea,
    IReadOnlyList<ScarType> ScarTypes,
    ScarSeverity Severity,
    FitzpatrickType Fitzpatrick)
{
    /// <summary>More than one kind of scar.</summary>
    public bool MixedScars => ScarTypes.Distinct().Count() > 1;
}
