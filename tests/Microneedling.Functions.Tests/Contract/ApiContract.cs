using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Microneedling.Functions.Tests.Contract;

/// <summary>One request the API answered, as the contract judges it.</summary>
public sealed record Exchange(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    string? RequestMediaType,
    byte[] RequestBody,
    int Status,
    string? ResponseMediaType,
    byte[] ResponseBody,
    bool HasLocation);

/// <summary>
/// The served OpenAPI document as the truth about the API: every exchange under <c>/api/</c> must be
/// a documented operation answering a documented status with a body its schema allows, and an
/// accepted request must be one the document allows. Date-times anywhere in a JSON answer must be
/// RFC 3339 (what JavaScript's <c>Date</c> reads).
/// </summary>
public sealed partial class ApiContract
{
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
    private readonly JsonObject _document;
    private readonly List<(Regex Pattern, string Template, int Literals)> _paths;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    public ApiContract(string openApiJson)
    {
        _document = JsonNode.Parse(openApiJson)!.AsObject();
        _paths = [.. _document["paths"]!.AsObject().Select(p => (PathPattern(p.Key), p.Key, p.Key.Split('/').Count(s => s.Length > 0 && !s.StartsWith('{'))))
            .OrderByDescending(p => p.Item3)];
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    public static partial Regex Rfc3339DateTime { get; }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d")]
    private static partial Regex LooksLikeDateTime { get; }

    /// <summary>The API's own exchanges: not the document itself, and not CORS preflights (the protocol's, not the API's).</summary>
    public static bool Covers(string method, string path) =>
        method != "OPTIONS" && path.StartsWith("/api/", StringComparison.Ordinal) && path != "/api/openapi.json";

    public IReadOnlyList<string> Violations(Exchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var problems = new List<string>();
        var template = _paths.Where(p => p.Pattern.IsMatch(exchange.Path)).Select(p => p.Template).FirstOrDefault();
        var operation = template is null ? null : _document["paths"]![template]![exchange.Method.ToLowerInvariant()]?.AsObject();
        if (template is null || operation is null)
        {
            return [$"{exchange.Method} {exchange.Path} is not a documented operation"];
        }

        var pointer = $"/paths/{Escape(template)}/{exchange.Method.ToLowerInvariant()}";
        var accepted = exchange.Status is >= 200 and < 300;
        if (accepted)
        {
            CheckRequest(exchange, operation, pointer, problems);
        }

        var responses = operation["responses"]!.AsObject();
        var statusKey = responses.ContainsKey(exchange.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))
            ? exchange.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : responses.ContainsKey("default") ? "default" : null;
        if (statusKey is null)
        {
            problems.Add($"status {exchange.Status} is not documented (documented: {string.Join(", ", responses.Select(r => r.Key))})");
            return problems;
        }

        if (exchange.Status == 201 && !exchange.HasLocation)
        {
            problems.Add("a 201 without a Location header");
        }

        if (exchange.ResponseBody.Length > 0)
        {
            var content = responses[statusKey]!["content"]?.AsObject();
            if (content is null || exchange.ResponseMediaType is null || !content.ContainsKey(exchange.ResponseMediaType))
            {
                problems.Add($"a {exchange.ResponseMediaType} body is not documented for status {exchange.Status} (documented: {string.Join(", ", content?.Select(c => c.Key) ?? [])})");
            }
            else if (IsJson(exchange.ResponseMediaType))
            {
                using var body = JsonDocument.Parse(exchange.ResponseBody);
                problems.AddRange(Validate($"{pointer}/responses/{statusKey}/content/{Escape(exchange.ResponseMediaType)}/schema", content[exchange.ResponseMediaType]!["schema"], body.RootElement)
                    .Select(p => $"response {exchange.Status}: {p}"));
                problems.AddRange(DateTimesNotRfc3339(body.RootElement, "").Select(p => $"response {exchange.Status}: {p}"));
            }
        }

        return problems;
    }

    private void CheckRequest(Exchange exchange, JsonObject operation, string pointer, List<string> problems)
    {
        var parameters = operation["parameters"]?.AsArray() ?? [];
        foreach (var (parameter, index) in parameters.Select((p, i) => (p!, i)).Where(p => (string?)p.Item1["in"] == "query"))
        {
            var name = (string)parameter["name"]!;
            if (!exchange.Query.TryGetValue(name, out var value))
            {
                if ((bool?)parameter["required"] == true)
                {
                    problems.Add($"accepted without the required query parameter {name}");
                }

                continue;
            }

            using var text = JsonDocument.Parse(JsonSerializer.Serialize(value));
            problems.AddRange(Validate($"{pointer}/parameters/{index}", parameter["schema"], text.RootElement)
                .Select(p => $"accepted query parameter {name}='{value}' the document refuses: {p}"));
        }

        if (exchange.RequestBody.Length == 0 || exchange.RequestMediaType is null || !IsJson(exchange.RequestMediaType))
        {
            return;
        }

        if (operation["requestBody"]?["content"] is not JsonObject content)
        {
            return;
        }

        var schema = content[exchange.RequestMediaType]?["schema"];
        if (schema is null)
        {
            problems.Add($"accepted a {exchange.RequestMediaType} body where the document describes {string.Join(", ", content.Select(c => c.Key))}");
            return;
        }

        using var body = JsonDocument.Parse(exchange.RequestBody);
        problems.AddRange(Validate($"{pointer}/requestBody/{Escape(exchange.RequestMediaType)}", schema, body.RootElement)
            .Select(p => $"accepted a request the document refuses: {p}"));
    }

    private IEnumerable<string> Validate(string key, JsonNode? schemaNode, JsonElement instance)
    {
        if (schemaNode is null)
        {
            return ["no schema documented"];
        }

        var schema = _schemas.GetOrAdd(key, _ => Build(schemaNode));
        var result = schema.Evaluate(instance, Evaluation);
        return result.IsValid ? []
            : (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).DefaultIfEmpty("invalid").ToList();
    }

    /// <summary>The operation's schema with the document's components as $defs, so its references resolve.</summary>
    private JsonSchema Build(JsonNode schemaNode)
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = _document["components"]?["schemas"]?.DeepClone() ?? new JsonObject(),
            ["allOf"] = new JsonArray(schemaNode.DeepClone()),
        };
        var text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri($"https://contract.test/{Guid.NewGuid():N}"));
    }

    private static IEnumerable<string> DateTimesNotRfc3339(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return element.EnumerateObject().SelectMany(p => DateTimesNotRfc3339(p.Value, path + "/" + p.Name));
            case JsonValueKind.Array:
                return element.EnumerateArray().SelectMany((e, i) => DateTimesNotRfc3339(e, $"{path}/{i}"));
            case JsonValueKind.String:
                var text = element.GetString()!;
                return LooksLikeDateTime.IsMatch(text) && !Rfc3339DateTime.IsMatch(text) ? [$"{path}: '{text}' is not an RFC 3339 date-time"] : [];
            default:
                return [];
        }
    }

    private static bool IsJson(string mediaType) => mediaType is "application/json" or "application/problem+json";

    private static string Escape(string text) => text.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static Regex PathPattern(string template) =>
        new("^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$", RegexOptions.CultureInvariant);

    public static string? MediaType(MediaTypeHeaderValue? contentType) => contentType?.MediaType;
}
