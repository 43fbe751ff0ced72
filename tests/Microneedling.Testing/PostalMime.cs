namespace Microneedling.Testing;

/// <summary>Reads .eml files with npm postal-mime, independent of our MIME writer (tests/tools/mail-parse.cjs).</summary>
public static class PostalMime
{
    public static IReadOnlyList<ParsedEmail> Parse(params string[] files) =>
        NodeTool.Run<List<ParsedEmail>>("mail-parse.cjs", files);
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
