using Azure;
using Azure.Data.Tables;

namespace Microneedling.Storage.Entities;

/// <summary>The four properties every stored row has. Only Storage sets or reads them.</summary>
public abstract class EntityBase : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }
}
