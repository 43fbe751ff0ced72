using System.Runtime.Serialization;

namespace Microneedling.Storage.Entities;

public enum BookingStatus
{
    Confirmed,
    Cancelled,

    /// <summary>A tombstone: the request that would have created this booking died, and its claims were released.</summary>
    Abandoned,
}

public enum SessionStatus
{
    Booked,
    Cancelled,
    Attended,
    NoShow,
}

/// <summary>A booking's header. Partition: the booking id; row: <c>booking</c>. Holds only the contact the clinic needs.</summary>
public sealed class BookingEntity : EntityBase
{
    public const string Row = "booking";

    public BookingEntity() => RowKey = Row;

    /// <summary>The booking id.</summary>
    [IgnoreDataMember]
    public string Id
    {
        get => PartitionKey;
        set => PartitionKey = value;
    }

    public BookingStatus Status { get; set; }

    public string ServiceId { get; set; } = string.Empty;

    public string LocationId { get; set; } = string.Empty;

    public string IntakeId { get; set; } = string.Empty;

    public string PatientName { get; set; } = string.Empty;

    public string PatientEmail { get; set; } = string.Empty;

    /// <summary>SHA-256 of the manage token, base64url; the token itself is never stored.</summary>
    public string ManageTokenHash { get; set; } = string.Empty;

    /// <summary>Comma-separated add-on ids.</summary>
    public string AddOnIds { get; set; } = string.Empty;

    public int SessionCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the patient's name, address and intake link were removed (erasure or retention); null while they are held.</summary>
    public DateTimeOffset? AnonymisedAt { get; set; }
}

/// <summary>One session of a booking. Partition: the booking id; row: <c>session-NN</c> (set when it is stored).</summary>
public sealed class SessionEntity : EntityBase
{
    public int Number { get; set; }

    public string PractitionerId { get; set; } = string.Empty;

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }

    /// <summary>End plus the service's buffer: how long the practitioner is taken.</summary>
    public DateTimeOffset BlockedUntil { get; set; }

    public SessionStatus Status { get; set; }

    /// <summary>The calendar SEQUENCE: raised on every change of time, place or status.</summary>
    public int Sequence { get; set; }

    public static string RowFor(int number) => $"session-{number:D2}";
}
