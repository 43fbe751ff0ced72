namespace Microneedling.Domain.Clinics;

public enum ServiceKind
{
    /// <summary>A practitioner's review; open to patients whose intake needs one.</summary>
    Consultation,

    /// <summary>A treatment session; needs an eligible intake.</summary>
    Microneedling,
}
