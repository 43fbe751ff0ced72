using System.Text;
using Microneedling.Domain.Calendars;
using NodaTime;

namespace Microneedling.Calendar.Tests;

/// <summary>What every file must be byte for byte, whatever the text in it: escaping, quoting, folding, line ends.</summary>
public class ContentLineTests
{
    private static string Write(string summary, string? cn = null) =>
        Encoding.UTF8.GetString(CalendarFiles.ToBytes(TestCalendars.Publish(TestCalendars.Event(summary: summary, organizerName: cn))));

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
    [InlineData("tab\tkept, bell\u0007, nul\0, del\u007F and next-line\u0085 dropped", "SUMMARY:tab\tkept\\, bell\\, nul\\, del and next-line dropped")]
    public void Text_is_escaped(string value, string expected) => Assert.Equal(expected, Property(Write(value), "SUMMARY"));

    [Theory]
    [InlineData("Clearskin", ";CN=Clearskin:mailto:")]
    [InlineData("Clearskin, Soho", ";CN=\"Clearskin, Soho\":mailto:")]
    [InlineData("Dr. \"Zoë\" O'Brien; MD", ";CN=\"Dr. 'Zoë' O'Brien; MD\":mailto:")]
    [InlineData("two\nlines ^ caret", ";CN=two lines ^^ caret:mailto:")]
    [InlineData("bell\u0007 dropped", ";CN=bell dropped:mailto:")]
    public void Parameters_are_quoted_when_they_must_be(string cn, string expected) =>
        Assert.Contains(expected, Property(Write("x", cn), "ORGANIZER"), StringComparison.Ordinal);

    [Theory]
    [InlineData(" ")]
    [InlineData("\u2003\t")]
    [InlineData("\u0007")]
    public void A_name_with_nothing_to_show_writes_no_common_name(string cn) =>
        Assert.DoesNotContain("CN=", Property(Write("x", cn), "ORGANIZER"), StringComparison.Ordinal);

    [Theory]
    [InlineData(200, "a")]
    [InlineData(120, "é")]
    [InlineData(90, "日本")]
    [InlineData(60, "😀")]
    [InlineData(60, "a😀")]
    [InlineData(60, "é𝄞")]
    [InlineData(40, "日😀b")]
    [InlineData(300, "a;")]
    [InlineData(100, "\\n")]
    public void Lines_fold_at_75_octets_without_splitting_a_character(int repeat, string unit)
    {
        var value = string.Concat(Enumerable.Repeat(unit, repeat));
        var bytes = Encoding.UTF8.GetBytes(Write(value));

        var lines = Split(bytes);
        Assert.All(lines, line => Assert.InRange(line.Length, 0, 75));
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        Assert.All(lines, line => strict.GetString(line));
        var escaped = value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal);
        Assert.Equal("SUMMARY:" + escaped, Property(Encoding.UTF8.GetString(bytes), "SUMMARY"));
    }

    [Fact]
    public void Every_line_ends_with_crlf_and_there_is_no_bom()
    {
        foreach (var kind in SessionCalendarFixtures.Kinds.Keys)
        {
            var bytes = SessionCalendarFixtures.Bytes(kind);

            Assert.NotEqual(0xEF, bytes[0]);
            Assert.Equal("\r\n"u8.ToArray(), bytes[^2..]);
            for (var i = 0; i < bytes.Length; i++)
            {
                Assert.True(bytes[i] != '\n' || bytes[i - 1] == '\r', $"{kind}: a bare LF at byte {i}");
                Assert.True(bytes[i] != '\r' || bytes[i + 1] == '\n', $"{kind}: a bare CR at byte {i}");
            }

            Assert.All(Split(bytes), line => Assert.InRange(line.Length, 0, 75));
        }
    }

    [Fact]
    public void Utc_times_end_in_z_and_dates_are_values_of_type_date()
    {
        var calendar = TestCalendars.Publish(
            TestCalendars.Event("a", time: new AllDayEvent(new LocalDate(2027, 2, 8)), status: CalendarEventStatus.Tentative));

        var text = Encoding.UTF8.GetString(CalendarFiles.ToBytes(calendar));

        Assert.Contains("DTSTAMP:20261121T120000Z\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20270208\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DTEND;VALUE=DATE:20270209\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("VTIMEZONE", text, StringComparison.Ordinal);
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
