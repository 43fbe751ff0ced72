using System.Diagnostics;
using System.Text.Json;

namespace Microneedling.Testing;

/// <summary>Reads .eml files with npm postal-mime, independent of our MIME writer (tests/tools/mail-parse.cjs).</summary>
public static class PostalMime
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<ParsedEmail> Parse(params string[] files)
    {
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "tests", "tools", "mail-parse.cjs"));
        foreach (var file in files)
        {
            info.ArgumentList.Add(file);
        }

        info.Environment["REPO_ROOT"] = RepositoryPaths.Root;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start node.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return process.ExitCode == 0
            ? JsonSerializer.Deserialize<List<ParsedEmail>>(stdout.Result, Json)!
            : throw new InvalidOperationException("postal-mime could not parse: " + stderr.Result);
    }
}

public sealed record ParsedMailbox(string? Address, string? Name);

public sealed record ParsedHeader(string Key, string Value);

public sealed record ParsedAttachment(string? Filename, string? MimeType, string? Method, string Content)
{
    public byte[] Bytes => Convert.FromBase64String(Content);
}

public sealed record ParsedEmail(string? Subject, ParsedMailbox? From, IReadOnlyList<ParsedMailbox>? To, string? MessageId, IReadOnlyList<ParsedHeader> Headers, string? Text, string? Html, IReadOnlyList<ParsedAttachment> Attachments)
{
    public string? Header(string key) => Headers.FirstOrDefault(h => string.Equals(h.Key, key, StringComparison.OrdinalIgnoreCase))?.Value;
}
