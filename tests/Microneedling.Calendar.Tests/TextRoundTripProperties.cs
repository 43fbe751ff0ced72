using FsCheck;
using FsCheck.Fluent;
using Microneedling.Testing;
using static Microneedling.Calendar.Tests.TestCalendars;

namespace Microneedling.Calendar.Tests;

/// <summary>Random text through our files and ical.js's parser comes back exactly (one node run per batch).</summary>
public class TextRoundTripProperties
{
    // Any Unicode scalar value except control characters (which iCalendar TEXT cannot carry),
    // weighted towards the characters that need escaping or folding care.
    private static readonly Gen<string> Piece = Gen.Frequency(
        (4, Gen.Elements(";", ",", "\\", ":", "\n", "\t", "\"", "'", " ", "\\n", "\\;", "^", "^n")),
        (4, Gen.Choose(0x20, 0x7E).Select(c => ((char)c).ToString())),
        (3, Gen.Choose(0xA0, 0xD7FF).Select(c => ((char)c).ToString())),
        (1, Gen.Choose(0xE000, 0xFFFD).Select(c => ((char)c).ToString())),
        (2, Gen.Choose(0x10000, 0x10FFFF).Select(char.ConvertFromUtf32)));

    private static readonly Gen<string> Texts = Gen.Frequency(
        (9, Piece.ListOf().Select(p => string.Concat(p))),
        (1, Gen.Choose(500, 3000).SelectMany(n => Piece.ListOf(n)).Select(p => string.Concat(p))));

    [Fact]
    public void Summary_location_and_description_round_trip_through_ical_js()
    {
        var samples = Texts.Sample(60, 150).Append(new string('x', 10_000)).Append(string.Empty).ToList();
        var calendars = samples.Select((text, i) => CalendarFiles.ToBytes(Publish(Event($"uid-{i}", text, text, [text])))).ToArray();

        var parsed = IcalJs.Parse(calendars);

        for (var i = 0; i < samples.Count; i++)
        {
            var e = parsed[i].Events[0];
            Assert.True(samples[i] == e.Summary && samples[i] == e.Location && samples[i] == e.Description,
                $"sample {i} did not round-trip: {Escape(samples[i])} came back as {Escape(e.Summary)} / {Escape(e.Location)} / {Escape(e.Description)}");
        }
    }

    /// <remarks>
    /// Parameters cannot carry a double quote or a line break (we write a single quote and a
    /// space), and ical.js unescapes backslash sequences in parameters as if they were TEXT, which
    /// RFC 5545 does not do; so names here have none of those three. A name of white space only
    /// is written with no CN at all (<c>ContentLineTests</c>), so names here have something to show.
    /// </remarks>
    [Fact]
    public void Common_names_round_trip_as_parameters()
    {
        var names = Texts.Select(t => new string([.. t.Where(c => c is not ('"' or '\n' or '\t' or '\\'))]))
            .Where(t => !string.IsNullOrWhiteSpace(t)).Sample(60, 100).ToList();
        var calendars = names.Select((name, i) => CalendarFiles.ToBytes(Publish(Event($"uid-{i}", organizerName: name)))).ToArray();

        var parsed = IcalJs.Parse(calendars);

        for (var i = 0; i < names.Count; i++)
        {
            Assert.True(names[i] == parsed[i].Events[0].Organizer!.Cn, $"name {i}: {Escape(names[i])} came back as {Escape(parsed[i].Events[0].Organizer!.Cn)}");
        }
    }

    private static string Escape(string? text) =>
        text is null ? "(null)" : string.Concat(text.Take(200).Select(c => c < 0x20 || c > 0x7E ? $"\\u{(int)c:X4}" : c.ToString()));
}
