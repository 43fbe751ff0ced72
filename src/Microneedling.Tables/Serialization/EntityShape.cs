using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Serialization;

namespace Microneedling.Tables.Serialization;

/// <summary>The storable properties of an entity class, found once per type.</summary>
internal sealed class EntityShape
{
    private static readonly ConcurrentDictionary<Type, EntityShape> Cache = new();
    private static readonly HashSet<Type> Storable =
    [
        typeof(string), typeof(bool), typeof(int), typeof(long), typeof(double),
        typeof(DateTimeOffset), typeof(DateTime), typeof(Guid), typeof(byte[]),
    ];

    private EntityShape(Type type)
    {
        var properties = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.Name is nameof(ITableEntity.PartitionKey) or nameof(ITableEntity.RowKey) or nameof(ITableEntity.Timestamp) or nameof(ITableEntity.ETag)
                || p.GetCustomAttribute<IgnoreDataMemberAttribute>() is not null
                || p.GetIndexParameters().Length > 0
                || !p.CanRead || !p.CanWrite)
            {
                continue;
            }

            var valueType = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            if (!Storable.Contains(valueType) && !valueType.IsEnum)
            {
                throw new NotSupportedException($"{type.Name}.{p.Name} has type {p.PropertyType.Name}, which Table Storage cannot store; mark it [IgnoreDataMember] or change its type.");
            }

            TableKeys.ValidatePropertyName(p.Name);
            properties[p.Name] = p;
        }

        Properties = properties;
    }

    public IReadOnlyDictionary<string, PropertyInfo> Properties { get; }

    public static EntityShape For(Type type) => Cache.GetOrAdd(type, t => new EntityShape(t));
}

/// <summary>The custom properties of any entity, as name/value pairs.</summary>
internal static class EntityProperties
{
    public static IEnumerable<KeyValuePair<string, object?>> Of(ITableEntity entity)
    {
        if (entity is TableEntity bag)
        {
            foreach (var pair in bag)
            {
                TableKeys.ValidatePropertyName(pair.Key);
                yield return pair;
            }

            yield break;
        }

        foreach (var (name, property) in EntityShape.For(entity.GetType()).Properties)
        {
            yield return new(name, property.GetValue(entity));
        }
    }
}
