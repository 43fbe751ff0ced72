using Azure;

namespace Microneedling.Tables;

/// <summary>What every entity has: its keys, the service's timestamp and the ETag for conditional writes.</summary>
public interface ITableEntity
{
    string PartitionKey { get; set; }

    string RowKey { get; set; }

    DateTimeOffset? Timestamp { get; set; }

    ETag ETag { get; set; }
}
