using System.Text.Json;
using System.Xml;
using Azure;
using Azure.Core;

namespace Microneedling.Tables.Pipeline;

/// <summary>
/// Reads a Table service error: the code from <c>x-ms-error-code</c> first (some errors arrive as
/// XML), then from the JSON <c>odata.error</c> or the XML body.
/// </summary>
internal sealed class TableErrorDetailsParser : RequestFailedDetailsParser
{
    public static TableErrorDetailsParser Instance { get; } = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        response.Headers.TryGetValue("x-ms-error-code", out var code);
        var (bodyCode, message) = ParseBody(response.Content?.ToString());
        error = new ResponseError(code ?? bodyCode, message ?? response.ReasonPhrase);
        return true;
    }

    internal static (string? Code, string? Message) ParseBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            if (body.TrimStart().StartsWith('{'))
            {
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.TryGetProperty("odata.error", out var odata))
                {
                    var code = odata.TryGetProperty("code", out var c) ? c.GetString() : null;
                    var message = odata.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v)
                        ? v.GetString() : null;
                    return (code, message);
                }
            }
            else if (body.TrimStart().StartsWith('<'))
            {
                var xml = new XmlDocument { XmlResolver = null };
                xml.LoadXml(body);
                return (xml.GetElementsByTagName("code").Item(0)?.InnerText ?? xml.GetElementsByTagName("Code").Item(0)?.InnerText,
                    xml.GetElementsByTagName("message").Item(0)?.InnerText ?? xml.GetElementsByTagName("Message").Item(0)?.InnerText);
            }
        }
        catch (Exception ex) when (ex is JsonException or XmlException)
        {
            // An unreadable body still leaves the header code and status.
        }

        return (null, null);
    }
}
