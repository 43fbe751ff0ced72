namespace Microneedling.Storage.Tables;

/// <summary>
/// Azure's rules for keys and property names, checked before sending: Azurite is laxer than
/// Azure in places, and a key that only fails in production is the worst kind of bug.
/// </summary>
internal static class TableKeys
{
    /// <summary>1 KiB of UTF-16.</summary>
    public const int MaxKeyLength = 512;
    public const int MaxPropertyNameLength = 255;
    public const int MaxCustomProperties = 252;

    public static bool IsValidKey(string? key) => key is not null && Problem(key) is null;

    internal static void Validate(string? partitionKey, string? rowKey)
    {
        ValidateKey(partitionKey, "PartitionKey");
        ValidateKey(rowKey, "RowKey");
    }

    internal static void ValidateKey(string? key, string name)
    {
        if (key is null)
        {
            throw new ArgumentNullException(name, $"{name} is required.");
        }

        if (Problem(key) is { } problem)
        {
            throw new ArgumentException($"{name} {problem}.", name);
        }
    }

    internal static void ValidatePropertyName(string name)
    {
        if (name.Length == 0 || name.Length > MaxPropertyNameLength
            || !(char.IsLetter(name[0]) || name[0] == '_')
            || !name.All(c => char.IsLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"'{name}' is not a valid property name (a letter or '_', then letters, digits or '_', at most {MaxPropertyNameLength}).");
        }

        if (name is "PartitionKey" or "RowKey" or "Timestamp" or "ETag")
        {
            throw new ArgumentException($"'{name}' is a reserved property name.");
        }
    }

    private static string? Problem(string key)
    {
        if (key.Length > MaxKeyLength)
        {
            return $"is longer than {MaxKeyLength} characters";
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?')
            {
                return $"contains '{c}', which Azure forbids in keys";
            }

            if (c <= '\u001F' || (c >= '\u007F' && c <= '\u009F'))
            {
                return "contains a control character";
            }
        }

        return null;
    }
}
