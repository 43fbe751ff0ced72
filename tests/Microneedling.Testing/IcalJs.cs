namespace Microneedling.Testing;

/// <summary>Reads calendars with npm ical.js, an implementation independent of ours (tests/tools/ical-parse.cjs).</summary>
public static class IcalJs
{
    public static IReadOnlyList<ParsedCalendar> Parse(params byte[][] calendars)
    {
        ArgumentNullException.ThrowIfNull(calendars);
        var folder = Directory.CreateTempSubdirectory("ical-").FullName;
        try
        {
            var files = calendars.Select((bytes, i) =>
            {
                var path = Path.Combine(folder, $"{i:D4}.ics");
                File.WriteAllBytes(path, bytes);
                return path;
            }).ToList();
            return ParseFiles(files);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static IReadOnlyList<ParsedCalendar> ParseFiles(IReadOnlyList<string> files) =>
        NodeTool.Run<List<ParsedCalendar>>("ical-parse.cjs", files);
}

public sealed record ParsedCalendar(string? ProdId, string? Version, string? Method, IReadOnlyList<string> TimeZones, IReadOnlyList<ParsedObservance> Observances, IReadOnlyList<ParsedEvent> Events);

/// <summary>A STANDARD or DAYLIGHT section of a VTIMEZONE: from <see cref="Start"/> (local time in the old offset) the offset is <see cref="To"/>.</summary>
public sealed record ParsedObservance(string TzId, string Kind, string Start, string From, string To, string? Name);

public sealed record ParsedEvent(
    string? Uid,
    string? Stamp,
    int? Sequence,
    string? Status,
    string? Summary,
    string? Location,
    string? Description,
    string? Url,
    string? Class,
    ParsedTime? Start,
    ParsedTime? End,
    ParsedUser? Organizer,
    IReadOnlyList<ParsedUser> Attendees,
    ParsedAlarm? Alarm);

/// <summary>A time as ical.js read it; <see cref="Zone"/> is the zone that resolved it to <see cref="Utc"/> (null when floating).</summary>
public sealed record ParsedTime(string Local, string? TzId, bool IsDate, string? Utc, string? Zone);

public sealed record ParsedUser(string Value, string? Cn, string? Rsvp, string? Partstat, string? Role);

public sealed record ParsedAlarm(string Action, string Trigger);
