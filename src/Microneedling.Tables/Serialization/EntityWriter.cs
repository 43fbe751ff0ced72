using System.Globalization;
using System.Text.Json;

namespace Microneedling.Tables.Serialization;

/// <summary>Writes an entity as the Table service's JSON, with the type annotations it needs.</summary>
internal static class EntityWriter
{
    /// <summary>64 KiB of UTF-16.</summary>
    public const int MaxStringLength = 32 * 1024;
    public const int MaxBinaryLength = 64 * 1024;

    public static void Write(Utf8JsonWriter writer, ITableEntity entity)
    {
        TableKeys.Validate(entity.PartitionKey, entity.RowKey);
        writer.WriteStartObject();
        writer.WriteString("PartitionKey", entity.PartitionKey);
        writer.WriteString("RowKey", entity.RowKey);
        var count = 0;
        foreach (var (name, value) in EntityProperties.Of(entity))
        {
            if (value is null)
            {
                continue;
            }

            if (++count > TableKeys.MaxCustomProperties)
            {
                throw new ArgumentException($"An entity may have at most {TableKeys.MaxCustomProperties} properties besides its keys and timestamp.");
            }

            WriteProperty(writer, name, value);
        }

        writer.WriteEndObject();
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string s:
                if (s.Length > MaxStringLength)
                {
                    throw new ArgumentException($"Property {name} is longer than {MaxStringLength} characters.");
                }

                writer.WriteString(name, s);
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case long l:
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                writer.WriteString(name + EdmTypes.AnnotationSuffix, EdmTypes.Int64);
                break;
            case double d:
                if (double.IsFinite(d))
                {
                    writer.WriteNumber(name, d);
                }
                else
                {
                    writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                }

                writer.WriteString(name + EdmTypes.AnnotationSuffix, EdmTypes.Double);
                break;
            case DateTimeOffset dto:
                WriteDateTime(writer, name, dto.UtcDateTime);
                break;
            case DateTime dt:
                if (dt.Kind != DateTimeKind.Utc)
                {
                    throw new ArgumentException($"Property {name} is a DateTime of kind {dt.Kind}: store UTC (or a DateTimeOffset).");
                }

                WriteDateTime(writer, name, dt);
                break;
            case Guid g:
                writer.WriteString(name, g);
                writer.WriteString(name + EdmTypes.AnnotationSuffix, EdmTypes.Guid);
                break;
            case byte[] bytes:
                if (bytes.Length > MaxBinaryLength)
                {
                    throw new ArgumentException($"Property {name} is larger than {MaxBinaryLength} bytes.");
                }

                writer.WriteBase64String(name, bytes);
                writer.WriteString(name + EdmTypes.AnnotationSuffix, EdmTypes.Binary);
                break;
            case Enum e:
                writer.WriteString(name, e.ToString());
                break;
            default:
                throw new NotSupportedException($"Property {name} has type {value.GetType().Name}, which Table Storage cannot store.");
        }
    }

    private static void WriteDateTime(Utf8JsonWriter writer, string name, DateTime utc)
    {
        writer.WriteString(name, utc.ToString(EdmTypes.DateTimeFormat, CultureInfo.InvariantCulture));
        writer.WriteString(name + EdmTypes.AnnotationSuffix, EdmTypes.DateTime);
    }
}
