using System.Text;

namespace Microneedling.Calendar;

/// <summary>
/// Ical.Net 5.2.4 folds content lines one UTF-16 unit at a time, so a fold can fall between the two
/// halves of a character outside the Basic Multilingual Plane (an emoji, a rare CJK character),
/// and both halves then reach the file as U+FFFD. Text with such characters is folded again here,
/// on whole characters at 75 octets; any other text keeps Ical.Net's folds.
/// </summary>
internal static class LineFolding
{
    private const int MaxOctets = 75;

    public static string Repair(string serialized)
    {
        if (serialized.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            return serialized;
        }

        var text = new StringBuilder(serialized.Length + 64);
        foreach (var line in serialized.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Split("\r\n"))
        {
            if (line.Length > 0)
            {
                Fold(text, line);
            }
        }

        return text.ToString();
    }

    private static void Fold(StringBuilder text, string line)
    {
        var octets = 0;
        for (var i = 0; i < line.Length;)
        {
            var width = char.IsSurrogatePair(line, i) ? 2 : 1;
            var size = width == 2 ? 4 : line[i] < 0x80 ? 1 : line[i] < 0x800 ? 2 : 3;
            if (octets + size > MaxOctets)
            {
                text.Append("\r\n ");
                octets = 1;
            }

            text.Append(line, i, width);
            octets += size;
            i += width;
        }

        text.Append("\r\n");
    }
}
