using Microneedling.Domain.Intake;

namespace Microneedling.Storage.Entities;

/// <summary>
/// A screened intake: the outcome and the codes behind it, not the answers themselves, and nothing
/// that identifies the patient. Partition: the intake id; row: <c>intake</c>.
/// </summary>
public sealed class IntakeEntity : EntityBase
{
    public const string Row = "intake";

    public IntakeOutcome Outcome { get; set; }

    /// <summary>Comma-separated finding codes.</summary>
    public string FindingCodes { get; set; } = string.Empty;

    public DateTimeOffset? AskAgainOn { get; set; }

    /// <summary>Comma-separated scar types.</summary>
    public string ScarTypes { get; set; } = string.Empty;

    public ScarSeverity Severity { get; set; }

    public FitzpatrickType Fitzpatrick { get; set; }

    /// <summary>Set by a practitioner after a consultation: treatment may then be booked.</summary>
    public bool ClearedByPractitioner { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum IdempotencyState
{
    InProgress,
    Completed,
}

/// <summary>An <c>Idempotency-Key</c> seen on a creating request. Partition: SHA-256 of scope and key; row: <c>key</c>.</summary>
public sealed class IdempotencyEntity : EntityBase
{
    public const string Row = "key";

    public string RequestHash { get; set; } = string.Empty;

    public IdempotencyState State { get; set; }

    public string ResourceId { get; set; } = string.Empty;

    public int ResponseStatus { get; set; }

    public string ResponseBody { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// Intents written before a change that spans partitions and removed after it: if the process dies
/// in between, the recovery sweep finds them and brings the partitions back in line. One partition;
/// rows keyed by creation ticks, booking id and a random suffix, holding <c>BookingId</c>,
/// <c>CreatedAt</c> and one <c>ClaimNN</c> column per claim the change may leave behind.
/// </summary>
public static class RecoveryKeys
{
    public const string Partition = "booking-work";
}
