using System.Collections;
using Azure;

namespace Microneedling.Tables;

/// <summary>An entity as a bag of named, typed values, for schemaless access.</summary>
public sealed class TableEntity : ITableEntity, IDictionary<string, object?>
{
    private readonly Dictionary<string, object?> _properties = new(StringComparer.Ordinal);

    public TableEntity()
    {
    }

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public ICollection<string> Keys => _properties.Keys;

    public ICollection<object?> Values => _properties.Values;

    public int Count => _properties.Count;

    public bool IsReadOnly => false;

    public object? this[string key]
    {
        get => _properties[key];
        set => _properties[key] = value;
    }

    public string? GetString(string key) => Get<string>(key);

    public bool? GetBoolean(string key) => Get<bool?>(key);

    public int? GetInt32(string key) => Get<int?>(key);

    public long? GetInt64(string key) => _properties.TryGetValue(key, out var v) && v is int i ? i : Get<long?>(key);

    public double? GetDouble(string key) => _properties.TryGetValue(key, out var v) && v is int i ? i : Get<double?>(key);

    public DateTimeOffset? GetDateTimeOffset(string key) => Get<DateTimeOffset?>(key);

    public Guid? GetGuid(string key) => Get<Guid?>(key);

    public byte[]? GetBinary(string key) => Get<byte[]>(key);

    public void Add(string key, object? value) => _properties.Add(key, value);

    public bool ContainsKey(string key) => _properties.ContainsKey(key);

    public bool Remove(string key) => _properties.Remove(key);

    public bool TryGetValue(string key, out object? value) => _properties.TryGetValue(key, out value);

    public void Add(KeyValuePair<string, object?> item) => _properties.Add(item.Key, item.Value);

    public void Clear() => _properties.Clear();

    public bool Contains(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Contains(item);

    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) => ((ICollection<KeyValuePair<string, object?>>)_properties).CopyTo(array, arrayIndex);

    public bool Remove(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Remove(item);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private T? Get<T>(string key) => _properties.TryGetValue(key, out var value) switch
    {
        false => default,
        true when value is null => default,
        true when value is T typed => typed,
        _ => throw new InvalidOperationException($"Property {key} holds a {value!.GetType().Name}, not a {typeof(T).Name}."),
    };
}
