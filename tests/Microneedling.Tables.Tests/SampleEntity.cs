using System.Runtime.Serialization;
using Azure;

namespace Microneedling.Tables.Tests;

public enum Severity
{
    Mild,
    Moderate,
    Severe,
}

/// <summary>An entity with one property of every supported type.</summary>
public sealed class SampleEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string? Text { get; set; }

    public bool Flag { get; set; }

    public int Count { get; set; }

    public long Big { get; set; }

    public double Ratio { get; set; }

    public DateTimeOffset When { get; set; }

    public DateTimeOffset? Maybe { get; set; }

    public Guid Id { get; set; }

    public byte[]? Bytes { get; set; }

    public Severity Severity { get; set; }

    public int? OptionalCount { get; set; }

    [IgnoreDataMember]
    public string Ignored { get; set; } = "not stored";
}
