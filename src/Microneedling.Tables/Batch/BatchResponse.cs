using System.Globalization;
using System.Text;
using Azure;
using Microneedling.Tables.Pipeline;

namespace Microneedling.Tables.Batch;

/// <summary>
/// Reads a <c>$batch</c> reply. The service answers 202 even when the changeset failed; the
/// failure is then a single part whose message starts with the failing action's index ("1:...").
/// </summary>
internal static class BatchResponse
{
    public static IReadOnlyList<TableTransactionResult> Parse(Response response, int actionCount)
    {
        response.Headers.TryGetValue("Content-Type", out var contentType);
        var parts = ParseParts(response.Content.ToString(), Boundary(contentType));
        var failed = parts.FirstOrDefault(p => p.Status >= 400);
        if (failed is not null)
        {
            throw Failure(failed, actionCount);
        }

        if (parts.Count != actionCount)
        {
            throw new RequestFailedException(response.Status, $"The batch reply has {parts.Count} parts for {actionCount} actions.");
        }

        return [.. parts.Select(p => new TableTransactionResult(p.Status, p.Headers.TryGetValue("ETag", out var etag) ? new ETag(etag) : null))];
    }

    internal sealed record Part(int Status, IReadOnlyDictionary<string, string> Headers, string Body);

    internal static List<Part> ParseParts(string body, string boundary)
    {
        var parts = new List<Part>();
        foreach (var section in Sections(body, boundary))
        {
            var (headers, content) = SplitHeaders(section);
            if (headers.TryGetValue("Content-Type", out var type) && type.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase))
            {
                parts.AddRange(ParseParts(content, Boundary(type)));
                continue;
            }

            var (httpHead, httpBody) = SplitAt(content, "\r\n\r\n");
            var lines = httpHead.Split("\r\n");
            var statusWords = lines[0].Split(' ', 3);
            if (statusWords.Length < 2 || !int.TryParse(statusWords[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            {
                throw new FormatException($"The batch reply part does not start with an HTTP status line.");
            }

            var partHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    partHeaders[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                }
            }

            parts.Add(new Part(status, partHeaders, httpBody.Trim()));
        }

        return parts;
    }

    private static TableTransactionFailedException Failure(Part failed, int actionCount)
    {
        var (code, message) = TableErrorDetailsParser.ParseBody(failed.Body);
        message ??= $"The transaction failed with status {failed.Status}.";
        int? index = null;
        var colon = message.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && int.TryParse(message.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < actionCount)
        {
            index = i;
        }
        else if (actionCount == 1)
        {
            index = 0;
        }

        var firstLine = message.Split('\n')[0].Trim();
        return new TableTransactionFailedException(failed.Status, $"Transaction action {index?.ToString(CultureInfo.InvariantCulture) ?? "?"} failed ({failed.Status} {code}): {firstLine}", code, index);
    }

    private static IEnumerable<string> Sections(string body, string boundary)
    {
        var delimiter = "--" + boundary;
        var chunks = body.Split(delimiter);
        foreach (var chunk in chunks.Skip(1))
        {
            if (chunk.StartsWith("--", StringComparison.Ordinal))
            {
                yield break;
            }

            yield return chunk.TrimStart('\r', '\n');
        }
    }

    private static (Dictionary<string, string> Headers, string Content) SplitHeaders(string section)
    {
        var (head, content) = SplitAt(section, "\r\n\r\n");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return (headers, content);
    }

    private static (string Before, string After) SplitAt(string text, string separator)
    {
        var at = text.IndexOf(separator, StringComparison.Ordinal);
        return at < 0 ? (text, string.Empty) : (text[..at], text[(at + separator.Length)..]);
    }

    private static string Boundary(string? contentType)
    {
        const string key = "boundary=";
        var at = contentType?.IndexOf(key, StringComparison.OrdinalIgnoreCase) ?? -1;
        if (at < 0)
        {
            throw new FormatException("The batch reply has no multipart boundary.");
        }

        return contentType![(at + key.Length)..].Split(';')[0].Trim().Trim('"');
    }
}
