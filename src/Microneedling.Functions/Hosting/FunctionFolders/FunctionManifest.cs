using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microneedling.Functions.Hosting;
using Microneedling.Functions.Hosting.Timers;

namespace Microneedling.Functions.Hosting.FunctionFolders;

/// <summary>
/// The function folders, generated from the app's own endpoint and timer tables so that what the
/// Functions host routes can never drift from what the code serves. host.json sets the route
/// prefix to empty, so each function's route is its endpoint's whole path: pages have short paths
/// (<c>/book</c>) and the API keeps <c>/api/</c>.
/// </summary>
public static partial class FunctionManifest
{
    /// <summary>Route starts the Functions host keeps for itself: a function routed there is refused and never loads.</summary>
    public static readonly IReadOnlyList<string> ReservedRouteStarts = ["admin", "runtime"];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static IReadOnlyList<FunctionDefinition> Build(IEnumerable<EndpointDataSource> dataSources, IEnumerable<TimerDefinition> timers)
    {
        ArgumentNullException.ThrowIfNull(dataSources);
        ArgumentNullException.ThrowIfNull(timers);
        var functions = new List<FunctionDefinition>();
        foreach (var endpoint in dataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<NotAFunctionMetadata>() is null)
            {
                functions.Add(ForHttp(endpoint));
            }
        }

        functions.AddRange(timers.Select(ForTimer));
        var duplicate = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two functions are named {duplicate.Key}: function names must be unique.");
        }

        return [.. functions.OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    public static void WriteTo(string appRoot, IReadOnlyList<FunctionDefinition> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        foreach (var function in functions)
        {
            var folder = Path.Combine(appRoot, function.Name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "function.json"), function.FunctionJson.ToJsonString(Indented) + "\n");
        }
    }

    private static FunctionDefinition ForHttp(RouteEndpoint endpoint)
    {
        var pattern = endpoint.RoutePattern.RawText?.TrimStart('/') ?? string.Empty;
        if (pattern.TrimEnd('/').Length == 0)
        {
            throw new InvalidOperationException($"Endpoint '{endpoint.DisplayName}' has an empty route: the Functions host serves its own page there.");
        }

        if (endpoint.RoutePattern.Parameters.Any(p => p.IsCatchAll))
        {
            throw new InvalidOperationException($"Endpoint '{pattern}' has a catch-all parameter, which would shadow other functions' routes.");
        }

        var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName
            ?? throw new InvalidOperationException($"Endpoint '{pattern}' has no name (WithName): its function folder needs one.");
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods
            ?? throw new InvalidOperationException($"Endpoint '{pattern}' accepts any method: give it explicit methods.");
        var level = endpoint.Metadata.GetMetadata<FunctionAuthLevelMetadata>()?.Level ?? FunctionAuthLevel.Anonymous;

        if (IsReserved(pattern))
        {
            throw new InvalidOperationException($"Endpoint '{name}' has route '{pattern}': the Functions host refuses routes beginning with {string.Join(" or ", ReservedRouteStarts)}.");
        }

        var trigger = new JsonObject
        {
            ["type"] = "httpTrigger",
            ["direction"] = "in",
            ["name"] = "req",
            ["authLevel"] = level.ToString().ToLowerInvariant(),
            ["methods"] = new JsonArray([.. methods.Select(m => JsonValue.Create(m.ToLowerInvariant()))]),
            ["route"] = pattern,
        };
        var output = new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" };
        return new FunctionDefinition(CheckedName(name), new JsonObject { ["bindings"] = new JsonArray(trigger, output) });
    }

    /// <summary>The host's own test: the route with slashes trimmed, compared case-insensitively.</summary>
    public static bool IsReserved(string route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var trimmed = route.Trim('/');
        return ReservedRouteStarts.Any(r => trimmed.StartsWith(r, StringComparison.OrdinalIgnoreCase));
    }

    private static FunctionDefinition ForTimer(TimerDefinition timer)
    {
        var trigger = new JsonObject
        {
            ["type"] = "timerTrigger",
            ["direction"] = "in",
            ["name"] = "timer",
            ["schedule"] = $"%{timer.ScheduleSetting}%",
            ["useMonitor"] = true,
        };
        var retry = new JsonObject { ["strategy"] = "fixedDelay", ["maxRetryCount"] = 2, ["delayInterval"] = "00:00:30" };
        return new FunctionDefinition(CheckedName(timer.Name), new JsonObject { ["bindings"] = new JsonArray(trigger), ["retry"] = retry });
    }

    private static string CheckedName(string name) =>
        ValidName().IsMatch(name) ? name
            : throw new InvalidOperationException($"'{name}' is not a valid function name (a letter, then up to 127 letters, digits, '_' or '-').");

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,127}$")]
    private static partial Regex ValidName();
}
