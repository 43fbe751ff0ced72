using System.Runtime.Serialization;
using Microneedling.Domain.Intake;

namespace Microneedling.Storage.Entities;

/// <summary>
/// A screened intake: the outcome and the codes behind it, not the answers themselves, and nothing
/// that identifies the patient. Partition: the intake id; row: <c>intake</c>.
/// </summary>
public sealed class IntakeEntity : EntityBase
{
    public const string Row = "intake";

    public IntakeEntity() => RowKey = Row;

    /// <summary>The intake id.</summary>
    [IgnoreDataMember]
    public string Id
    {
        get => PartitionKey;
        set => PartitionKey = value;
    }

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

    /// <summary>When retention removed the answers (finding codes, scar types, severity, skin type); the outcome and dates stay.</summary>
    public DateTimeOffset? AnswersRemovedAt { get; set; }
}

/// <summary>
/// An <c>Idempotency-Key</c> seen on a creating request: which resource it creates. Partition:
/// SHA-256 of scope and key; row: <c>key</c>. The response is stored with the resource itself
/// (<see cref="ReceiptEntity"/>), written in the same transaction, so it exists exactly when the resource does.
/// </summary>
public sealed class IdempotencyEntity : EntityBase
{
    public const string Row = "key";

    public string RequestHash { get; set; } = string.Empty;

    public string ResourceId { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The 201 body given when a booking was created under an <c>Idempotency-Key</c>, for retries. Partition: the booking; row: <c>receipt</c>.</summary>
public sealed class ReceiptEntity : EntityBase
{
    public const string Row = "receipt";

    public string Body { get; set; } = string.Empty;
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
