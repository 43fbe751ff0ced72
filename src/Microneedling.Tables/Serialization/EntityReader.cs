using System.Globalization;
using System.Text.Json;
using Azure;

namespace Microneedling.Tables.Serialization;

/// <summary>Reads the Table service's JSON into a typed entity or a <see cref="TableEntity"/>.</summary>
internal static class EntityReader
{
    public static T Read<T>(JsonElement json)
        where T : class, ITableEntity, new()
    {
        var entity = new T();
        if (entity is TableEntity bag)
        {
            ReadInto(bag, json);
            return entity;
        }

        var shape = EntityShape.For(typeof(T));
        foreach (var property in json.EnumerateObject())
        {
            if (ReadSystemProperty(entity, property))
            {
                continue;
            }

            if (property.Value.ValueKind != JsonValueKind.Null && shape.Properties.TryGetValue(property.Name, out var target))
            {
                target.SetValue(entity, Convert(property.Value, target.PropertyType, property.Name));
            }
        }

        return entity;
    }

    private static void ReadInto(TableEntity entity, JsonElement json)
    {
        foreach (var property in json.EnumerateObject())
        {
            if (ReadSystemProperty(entity, property) || property.Name.EndsWith(EdmTypes.AnnotationSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            var edm = json.TryGetProperty(property.Name + EdmTypes.AnnotationSuffix, out var annotation) ? annotation.GetString() : null;
            entity[property.Name] = edm switch
            {
                EdmTypes.Int64 => Convert(property.Value, typeof(long), property.Name),
                EdmTypes.Double => Convert(property.Value, typeof(double), property.Name),
                EdmTypes.DateTime => Convert(property.Value, typeof(DateTimeOffset), property.Name),
                EdmTypes.Guid => Convert(property.Value, typeof(Guid), property.Name),
                EdmTypes.Binary => property.Value.GetBytesFromBase64(),
                _ => Untyped(property.Value),
            };
        }
    }

    private static bool ReadSystemProperty(ITableEntity entity, JsonProperty property)
    {
        switch (property.Name)
        {
            case "PartitionKey":
                entity.PartitionKey = property.Value.GetString() ?? string.Empty;
                return true;
            case "RowKey":
                entity.RowKey = property.Value.GetString() ?? string.Empty;
                return true;
            case "Timestamp":
                entity.Timestamp = ParseDate(property.Value.GetString());
                return true;
            case "odata.etag":
                entity.ETag = new ETag(property.Value.GetString() ?? string.Empty);
                return true;
            default:
                return property.Name.StartsWith("odata.", StringComparison.Ordinal)
                    || property.Name is "Timestamp@odata.type";
        }
    }

    private static object? Untyped(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when value.TryGetInt32(out var i) => i,
        JsonValueKind.Number when value.TryGetInt64(out var l) => l,
        JsonValueKind.Number => value.GetDouble(),
        _ => null,
    };

    private static object? Convert(JsonElement value, Type type, string name)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            if (target == typeof(string))
            {
                return value.GetString();
            }

            if (target == typeof(bool))
            {
                return value.GetBoolean();
            }

            if (target == typeof(int))
            {
                return value.GetInt32();
            }

            if (target == typeof(long))
            {
                return value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : value.GetInt64();
            }

            if (target == typeof(double))
            {
                return value.ValueKind == JsonValueKind.String ? ParseDouble(value.GetString()!) : value.GetDouble();
            }

            if (target == typeof(DateTimeOffset))
            {
                return ParseDate(value.GetString());
            }

            if (target == typeof(DateTime))
            {
                return ParseDate(value.GetString())?.UtcDateTime;
            }

            if (target == typeof(Guid))
            {
                return Guid.Parse(value.GetString()!, CultureInfo.InvariantCulture);
            }

            if (target == typeof(byte[]))
            {
                return value.GetBytesFromBase64();
            }

            if (target.IsEnum)
            {
                return value.ValueKind == JsonValueKind.String ? Enum.Parse(target, value.GetString()!) : Enum.ToObject(target, value.GetInt64());
            }
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException or OverflowException)
        {
            throw new InvalidOperationException($"Stored property {name} cannot be read as {target.Name}.", ex);
        }

        throw new NotSupportedException($"Property {name} has type {type.Name}, which Table Storage cannot store.");
    }

    private static double ParseDouble(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static DateTimeOffset? ParseDate(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
