using System.Diagnostics;
using System.Text.Json;

namespace Microneedling.Testing;

/// <summary>Reads calendars with npm ical.js, an implementation independent of ours (tests/tools/ical-parse.cjs).</summary>
public static class IcalJs
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

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

    public static IReadOnlyList<ParsedCalendar> ParseFiles(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "tests", "tools", "ical-parse.cjs"));
        foreach (var file in files)
        {
            info.ArgumentList.Add(file);
        }

        info.Environment["REPO_ROOT"] = RepositoryPaths.Root;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start node.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ical.js could not parse the calendar: {stderr.Result}");
        }

        return JsonSerializer.Deserialize<List<ParsedCalendar>>(stdout.Result, Json)!;
    }
}

public sealed record ParsedCalendar(string? ProdId, string? Version, string? Method, IReadOnlyList<string> TimeZones, IReadOnlyList<ParsedEvent> Events);

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

public sealed record ParsedTime(string Local, string? TzId, bool IsDate, string? Utc);

public sealed record ParsedUser(string Value, string? Cn, string? Rsvp, string? Partstat, string? Role);

public sealed record ParsedAlarm(string Action, string Trigger);
