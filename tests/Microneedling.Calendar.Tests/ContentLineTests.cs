using System.Text;

namespace Microneedling.Calendar.Tests;

public class ContentLineTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static string Write(string summary, string? cn = null)
    {
        var calendar = new VCalendar("-//Test//EN", CalendarMethod.Publish, [],
        [
            new VEvent("uid-1", Stamp, CalendarTime.Utc(Stamp), CalendarTime.Utc(Stamp.AddHours(1)), Summary: summary,
                Organizer: new CalendarUser("clinic@example.com", cn)),
        ]);
        return Encoding.UTF8.GetString(CalendarWriter.ToBytes(calendar));
    }

    private static string Property(string text, string name)
    {
        var unfolded = text.Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        return unfolded.Split("\r\n").Single(l => l.StartsWith(name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("plain", "SUMMARY:plain")]
    [InlineData("a;b,c\\d", "SUMMARY:a\\;b\\,c\\\\d")]
    [InlineData("line1\nline2\r\nline3\rline4", "SUMMARY:line1\\nline2\\nline3\\nline4")]
    [InlineData("colon: stays", "SUMMARY:colon: stays")]
    [InlineData("tab\tkept, bell\u0007 and nul\0 dropped", "SUMMARY:tab\tkept\\, bell and nul dropped")]
    public void Text_is_escaped(string value, string expected) => Assert.Equal(expected, Property(Write(value), "SUMMARY"));

    [Theory]
    [InlineData("Clearskin", ";CN=Clearskin:mailto:")]
    [InlineData("Clearskin, Soho", ";CN=\"Clearskin, Soho\":mailto:")]
    [InlineData("Dr. \"Zoë\" O'Brien; MD", ";CN=\"Dr. 'Zoë' O'Brien; MD\":mailto:")]
    [InlineData("two\nlines ^ caret", ";CN=two lines ^^ caret:mailto:")]
    public void Parameters_are_quoted_when_they_must_be(string cn, string expected) =>
        Assert.Contains(expected, Property(Write("x", cn), "ORGANIZER"), StringComparison.Ordinal);

    [Theory]
    [InlineData(200, "a")]
    [InlineData(120, "é")]
    [InlineData(90, "日本")]
    [InlineData(60, "😀")]
    [InlineData(300, "a;")]
    public void Lines_fold_at_75_octets_without_splitting_a_character(int repeat, string unit)
    {
        var value = string.Concat(Enumerable.Repeat(unit, repeat));
        var bytes = Encoding.UTF8.GetBytes(Write(value));

        var lines = Split(bytes);
        Assert.All(lines, line => Assert.InRange(line.Length, 0, 75));
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        Assert.All(lines, line => strict.GetString(line));
        Assert.Equal("SUMMARY:" + value.Replace(";", "\\;", StringComparison.Ordinal), Property(Encoding.UTF8.GetString(bytes), "SUMMARY"));
    }

    [Fact]
    public void Every_line_ends_with_crlf_and_there_is_no_bom()
    {
        var bytes = Encoding.UTF8.GetBytes(Write("x"));

        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal("\r\n"u8.ToArray(), bytes[^2..]);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n')
            {
                Assert.Equal((byte)'\r', bytes[i - 1]);
            }
        }
    }

    [Fact]
    public void Utc_times_end_in_z_and_dates_are_values_of_type_date()
    {
        var calendar = new VCalendar("-//Test//EN", CalendarMethod.Publish, [],
        [
            new VEvent("a", Stamp, CalendarTime.Utc(new DateTimeOffset(2027, 1, 11, 9, 0, 0, TimeSpan.FromHours(1))), CalendarTime.Utc(Stamp)),
            new VEvent("b", Stamp, CalendarTime.Date(new DateOnly(2027, 2, 8)), CalendarTime.Date(new DateOnly(2027, 2, 9))),
        ]);

        var text = Encoding.UTF8.GetString(CalendarWriter.ToBytes(calendar));

        Assert.Contains("DTSTART:20270111T080000Z\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DTSTAMP:20261121T120000Z\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20270208\r\n", text, StringComparison.Ordinal);
    }

    private static List<byte[]> Split(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n')
            {
                lines.Add(bytes[start..i]);
                start = i + 2;
            }
        }

        return lines;
    }
}
