using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.Serialization;
using Azure.Data.Tables;

namespace Microneedling.Storage.Tables;

/// <summary>
/// The stored properties of an entity class as the SDK sees them (every public readable property
/// not marked <see cref="IgnoreDataMemberAttribute"/>), checked once per type; per write only the
/// values that can break a limit are read, through compiled getters that do not box.
/// </summary>
internal sealed class EntityShape
{
    private static readonly ConcurrentDictionary<Type, EntityShape> Cache = new();
    private static readonly HashSet<Type> Storable =
    [
        typeof(string), typeof(bool), typeof(int), typeof(long), typeof(double),
        typeof(DateTimeOffset), typeof(DateTime), typeof(Guid), typeof(byte[]), typeof(BinaryData),
    ];

    private readonly Action<object>[] _valueChecks;
    private readonly Exception? _invalid;

    private EntityShape(Type type)
    {
        var checks = new List<Action<object>>();
        try
        {
            var count = 0;
            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (p.Name is nameof(ITableEntity.PartitionKey) or nameof(ITableEntity.RowKey) or nameof(ITableEntity.Timestamp) or nameof(ITableEntity.ETag)
                    || p.IsDefined(typeof(IgnoreDataMemberAttribute)) || !p.CanRead || p.GetIndexParameters().Length > 0)
                {
                    continue;
                }

                if (!p.CanWrite)
                {
                    throw new NotSupportedException($"{type.Name}.{p.Name} has no setter, so it would be stored but never read back; mark it [IgnoreDataMember].");
                }

                var valueType = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
                if (!Storable.Contains(valueType) && !valueType.IsEnum)
                {
                    throw new NotSupportedException($"{type.Name}.{p.Name} has type {p.PropertyType.Name}, which Table Storage cannot store; mark it [IgnoreDataMember] or change its type.");
                }

                TableKeys.ValidatePropertyName(p.Name);
                if (++count > TableKeys.MaxCustomProperties)
                {
                    throw new ArgumentException($"{type.Name} has more than {TableKeys.MaxCustomProperties} properties besides its keys and timestamp.");
                }

                if (ValueCheck(type, p) is { } check)
                {
                    checks.Add(check);
                }
            }
        }
        catch (Exception ex) when (ex is NotSupportedException or ArgumentException)
        {
            _invalid = ex;
        }

        _valueChecks = [.. checks];
    }

    public static EntityShape For(Type type) => Cache.GetOrAdd(type, t => new EntityShape(t));

    public void Check(object entity)
    {
        if (_invalid is not null)
        {
            throw _invalid is NotSupportedException ? new NotSupportedException(_invalid.Message) : new ArgumentException(_invalid.Message);
        }

        foreach (var check in _valueChecks)
        {
            check(entity);
        }
    }

    /// <summary>A check of the property's value, for the types whose values can break a limit.</summary>
    private static Action<object>? ValueCheck(Type type, PropertyInfo p)
    {
        var name = p.Name;
        var t = p.PropertyType;
        if (t == typeof(string))
        {
            var get = Getter<string?>(type, p);
            return e => { if (get(e) is { Length: > EntityGuard.MaxStringLength } s) { EntityGuard.CheckValue(name, s); } };
        }

        if (t == typeof(byte[]))
        {
            var get = Getter<byte[]?>(type, p);
            return e => { if (get(e) is { Length: > EntityGuard.MaxBinaryLength } b) { EntityGuard.CheckValue(name, b); } };
        }

        if (t == typeof(DateTimeOffset))
        {
            var get = Getter<DateTimeOffset>(type, p);
            return e => { if (get(e) is var d && d < EntityGuard.MinDateTime) { EntityGuard.CheckValue(name, d); } };
        }

        if (t == typeof(DateTimeOffset?))
        {
            var get = Getter<DateTimeOffset?>(type, p);
            return e => { if (get(e) is { } d && d < EntityGuard.MinDateTime) { EntityGuard.CheckValue(name, d); } };
        }

        if (t == typeof(DateTime) || t == typeof(DateTime?))
        {
            var get = Getter<DateTime?>(type, p, t);
            return e => { if (get(e) is { } d && (d.Kind != DateTimeKind.Utc || d < EntityGuard.MinDateTime.UtcDateTime)) { EntityGuard.CheckValue(name, d); } };
        }

        return null;
    }

    private static Func<object, T> Getter<T>(Type type, PropertyInfo p, Type? propertyType = null)
    {
        var entity = Expression.Parameter(typeof(object), "entity");
        Expression value = Expression.Property(Expression.Convert(entity, type), p);
        if (propertyType is not null && propertyType != typeof(T))
        {
            value = Expression.Convert(value, typeof(T));
        }

        return Expression.Lambda<Func<object, T>>(value, entity).Compile();
    }
}
