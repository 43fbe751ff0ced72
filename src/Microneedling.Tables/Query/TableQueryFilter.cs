using System.Globalization;
using System.Text;

namespace Microneedling.Tables.Query;

/// <summary>
/// Builds OData filters from interpolated strings, turning each hole into a typed, escaped
/// literal: <c>$"PartitionKey eq {pk} and Due le {now}"</c> cannot be injected into.
/// </summary>
public static class TableQueryFilter
{
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var literals = filter.GetArguments().Select(Literal).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    /// <summary>One value as an OData literal of its type.</summary>
    public static string Literal(object? value) => value switch
    {
        null => throw new ArgumentException("Table filters cannot compare with null: absent properties never match."),
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => DoubleLiteral(d),
        DateTimeOffset dto => "datetime'" + dto.UtcDateTime.ToString(Serialization.EdmTypes.DateTimeFormat, CultureInfo.InvariantCulture) + "'",
        DateTime dt when dt.Kind == DateTimeKind.Utc => "datetime'" + dt.ToString(Serialization.EdmTypes.DateTimeFormat, CultureInfo.InvariantCulture) + "'",
        DateTime => throw new ArgumentException("DateTime filter values must be UTC."),
        Guid g => "guid'" + g.ToString("D") + "'",
        byte[] bytes => "X'" + Convert.ToHexStringLower(bytes) + "'",
        Enum e => Literal(e.ToString()),
        _ => throw new NotSupportedException($"A {value.GetType().Name} cannot be used in a table filter."),
    };

    private static string DoubleLiteral(double d)
    {
        if (!double.IsFinite(d))
        {
            throw new ArgumentException("Table filters cannot compare with NaN or infinity.");
        }

        // A literal without a decimal point is an Int32, and the service never matches an Int32 with a Double.
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>Joins clauses with <c>and</c>, each in parentheses.</summary>
    public static string And(params string[] clauses)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        var builder = new StringBuilder();
        foreach (var clause in clauses.Where(c => !string.IsNullOrWhiteSpace(c)))
        {
            builder.Append(builder.Length == 0 ? "(" : " and (").Append(clause).Append(')');
        }

        return builder.ToString();
    }
}
