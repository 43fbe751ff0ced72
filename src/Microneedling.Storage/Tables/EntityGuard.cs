using Azure.Data.Tables;

namespace Microneedling.Storage.Tables;

/// <summary>
/// Checks an entity against the limits Azure enforces and Azurite does not (keys, property names
/// and count, string and binary sizes, the Edm.DateTime range), so a bad entity fails in tests
/// and never first in production. A typed entity's shape is checked once per type.
/// </summary>
internal static class EntityGuard
{
    /// <summary>64 KiB of UTF-16.</summary>
    public const int MaxStringLength = 32 * 1024;
    public const int MaxBinaryLength = 64 * 1024;
    public const int MaxTransactionActions = 100;

    /// <summary>The earliest instant an Edm.DateTime can hold.</summary>
    public static readonly DateTimeOffset MinDateTime = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Check(ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        TableKeys.Validate(entity.PartitionKey, entity.RowKey);
        if (entity is TableEntity bag)
        {
            CheckBag(bag);
        }
        else
        {
            EntityShape.For(entity.GetType()).Check(entity);
        }
    }

    /// <summary>What Azure requires of an entity-group transaction: one partition, each row once, at most 100 actions.</summary>
    public static void Check(IReadOnlyList<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count is 0 or > MaxTransactionActions)
        {
            throw new ArgumentException($"A transaction holds 1 to {MaxTransactionActions} actions, not {actions.Count}.", nameof(actions));
        }

        var partition = actions[0].Entity.PartitionKey;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            if (action.ActionType == TableTransactionActionType.Delete)
            {
                TableKeys.Validate(action.Entity.PartitionKey, action.Entity.RowKey);
            }
            else
            {
                Check(action.Entity);
            }

            if (!string.Equals(action.Entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException("Every action of a transaction must be in one partition.", nameof(actions));
            }

            if (!rows.Add(action.Entity.RowKey))
            {
                throw new ArgumentException($"Row '{action.Entity.RowKey}' appears twice in one transaction.", nameof(actions));
            }
        }
    }

    internal static void CheckValue(string name, object? value)
    {
        var problem = value switch
        {
            null or bool or int or long or double or Guid => null,
            string s => s.Length > MaxStringLength ? $"is longer than {MaxStringLength} characters" : null,
            byte[] b => b.Length > MaxBinaryLength ? $"is larger than {MaxBinaryLength} bytes" : null,
            BinaryData d => d.ToMemory().Length > MaxBinaryLength ? $"is larger than {MaxBinaryLength} bytes" : null,
            DateTimeOffset t => t < MinDateTime ? $"is before {MinDateTime:yyyy-MM-dd}, the earliest date Table Storage holds" : null,
            DateTime t => t.Kind != DateTimeKind.Utc ? $"is a DateTime of kind {t.Kind}: store UTC (or a DateTimeOffset)"
                : t < MinDateTime.UtcDateTime ? $"is before {MinDateTime:yyyy-MM-dd}, the earliest date Table Storage holds" : null,
            _ => throw new NotSupportedException($"Property {name} holds a {value.GetType().Name}, which Table Storage cannot store."),
        };
        if (problem is not null)
        {
            throw new ArgumentException($"Property {name} {problem}.");
        }
    }

    private static void CheckBag(TableEntity bag)
    {
        var count = 0;
        foreach (var (name, value) in bag)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag" || name.EndsWith("@odata.type", StringComparison.Ordinal))
            {
                continue;
            }

            TableKeys.ValidatePropertyName(name);
            CheckValue(name, value);
            if (value is not null && ++count > TableKeys.MaxCustomProperties)
            {
                throw new ArgumentException($"An entity may have at most {TableKeys.MaxCustomProperties} properties besides its keys and timestamp.");
            }
        }
    }
}
