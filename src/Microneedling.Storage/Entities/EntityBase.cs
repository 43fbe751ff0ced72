using Azure;
using Microneedling.Tables;

namespace Microneedling.Storage.Entities;

/// <summary>The four properties every stored row has.</summary>
public abstract class EntityBase : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }
}
