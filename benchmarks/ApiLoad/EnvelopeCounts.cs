using System.Globalization;
using System.Text.Json.Nodes;

namespace ApiLoad;

/// <summary>
/// What Application Insights would store per request: the envelopes the loopback ingestion endpoint
/// received, grouped by trace (each load request is its own trace). Only traces whose request
/// envelope arrived are counted: a request ends after its dependencies, so their envelopes came first.
/// </summary>
internal static class EnvelopeCounts
{
    public static string PerRequest(IEnumerable<string> envelopes, string requestName)
    {
        var traces = new Dictionary<string, (string? Code, List<string> Dependencies)>();
        foreach (var line in envelopes)
        {
            var envelope = JsonNode.Parse(line);
            var trace = envelope?["tags"]?["ai.operation.id"]?.GetValue<string>();
            var data = envelope?["data"];
            if (trace is null || data is null)
            {
                continue;
            }

            var entry = traces.TryGetValue(trace, out var found) ? found : (null, []);
            switch (data["baseType"]?.GetValue<string>())
            {
                case "RequestData" when Same(data["baseData"]?["name"]?.GetValue<string>(), requestName):
                    entry.Code = data["baseData"]?["responseCode"]?.GetValue<string>();
                    break;
                case "RemoteDependencyData":
                    entry.Dependencies.Add(data["baseData"]?["type"]?.GetValue<string>() ?? "(none)");
                    break;
            }

            traces[trace] = entry;
        }

        var lines = traces.Values.Where(t => t.Code is not null).GroupBy(t => t.Code).OrderBy(g => g.Key).Select(g =>
        {
            var types = g.SelectMany(t => t.Dependencies).GroupBy(d => d).OrderBy(d => d.Key)
                .Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Key} {(double)d.Count() / g.Count():F1}"));
            return string.Create(CultureInfo.InvariantCulture,
                $"{requestName} {g.Key}: {g.Count()} requests, {g.Average(t => t.Dependencies.Count + 1.0):F1} items each (the request and {g.Average(t => t.Dependencies.Count):F1} dependencies: {string.Join(", ", types)})");
        });
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>Request names come from the route template, with or without its slashes.</summary>
    private static bool Same(string? name, string requestName) =>
        name is not null && name.Replace(" /", " ", StringComparison.Ordinal).TrimEnd('/') == requestName.Replace(" /", " ", StringComparison.Ordinal).TrimEnd('/');
}
