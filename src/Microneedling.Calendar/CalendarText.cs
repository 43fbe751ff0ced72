using System.Buffers;
using System.Text;

namespace Microneedling.Calendar;

/// <summary>
/// What Ical.Net writes as given but iCalendar cannot carry. It escapes TEXT, turns line breaks
/// into <c>\n</c> and folds lines; it does not drop control characters (RFC 5545 3.3.11 allows
/// none in TEXT but the tab), and it writes a line break or a caret inside a parameter value as
/// is, which breaks the line or changes the value for parsers that read RFC 6868.
/// </summary>
internal static class CalendarText
{
    private static readonly SearchValues<char> NotInText = SearchValues.Create(Controls(except: "\t\n\r"));
    private static readonly SearchValues<char> NotInParameter = SearchValues.Create(Controls(except: string.Empty) + "\"^");

    /// <summary>A TEXT value with the control characters other than tab and line breaks dropped.</summary>
    public static string Text(string value)
    {
        if (value.AsSpan().IndexOfAny(NotInText) < 0)
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!NotInText.Contains(c))
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// A parameter value (a common name). It cannot hold a double quote or a line break: they
    /// become a single quote and a space, readable in every client. <c>^</c> is written <c>^^</c>
    /// (RFC 6868) so parsers that decode it agree. Other control characters are dropped.
    /// </summary>
    public static string Parameter(string value)
    {
        if (value.AsSpan().IndexOfAny(NotInParameter) < 0)
        {
            return value;
        }

        var text = new StringBuilder(value.Length + 4);
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append('\''),
                '^' => text.Append("^^"),
                '\r' or '\n' or '\t' => text.Append(' '),
                _ when NotInParameter.Contains(c) => text,
                _ => text.Append(c),
            };
        }

        return text.ToString();
    }

    private static string Controls(string except)
    {
        var controls = new StringBuilder();
        for (var c = '\0'; c <= '\u009F'; c++)
        {
            if ((c < ' ' || c >= '\u007F') && !except.Contains(c, StringComparison.Ordinal))
            {
                controls.Append(c);
            }
        }

        return controls.ToString();
    }
}
