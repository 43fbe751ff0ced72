using System.Text.Json.Nodes;
using Microneedling.Functions.Hosting;
using Microneedling.Functions.Hosting.FunctionFolders;
using Microneedling.Functions.Hosting.Timers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microneedling.Functions.Tests;

public sealed class FunctionManifestTests : IDisposable
{
    private readonly HandlerFactory _factory = HandlerFactory.UnderFunctionsHost();

    private IReadOnlyList<FunctionDefinition> Manifest()
    {
        _ = _factory.Server;
        return FunctionManifest.Build(_factory.Services.GetServices<EndpointDataSource>(), _factory.Services.GetServices<TimerDefinition>());
    }

    [Fact]
    public void Every_api_endpoint_has_a_function_with_its_route_and_methods()
    {
        var endpoints = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<NotAFunctionMetadata>() is null)
            .ToList();
        var functions = Manifest().ToDictionary(f => f.Name);

        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var name = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IEndpointNameMetadata>()!.EndpointName;
            var trigger = functions[name].FunctionJson["bindings"]![0]!;
            Assert.Equal("httpTrigger", (string?)trigger["type"]);
            Assert.Equal("/" + (string?)trigger["route"], endpoint.RoutePattern.RawText);
            Assert.Equal(
                endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()!.HttpMethods.Select(m => m.ToLowerInvariant()),
                trigger["methods"]!.AsArray().Select(m => (string?)m));
        }
    }

    [Fact]
    public void The_health_function_is_anonymous_get()
    {
        var health = Manifest().Single(f => f.Name == "Health").FunctionJson;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"bindings":[{"type":"httpTrigger","direction":"in","name":"req","authLevel":"anonymous","methods":["get"],"route":"api/health"},
                         {"type":"http","direction":"out","name":"res"}]}
            """), health), health.ToJsonString());
    }

    [Fact]
    public void Staff_functions_need_a_function_key_and_public_ones_do_not()
    {
        var http = Manifest().Select(f => f.FunctionJson["bindings"]![0]!).Where(b => (string?)b["type"] == "httpTrigger").ToList();

        Assert.Contains(http, b => ((string?)b["route"])!.StartsWith("api/staff/", StringComparison.Ordinal));
        Assert.All(http, b => Assert.Equal(
            ((string?)b["route"])!.StartsWith("api/staff/", StringComparison.Ordinal) ? "function" : "anonymous",
            (string?)b["authLevel"]));
    }

    [Theory]
    [InlineData("BookPage", "book", "get")]
    [InlineData("ManagePage", "manage/{bookingId}", "get")]
    [InlineData("UnsubscribePage", "unsubscribe/{addressHash}/{token}", "get,post")]
    [InlineData("PageAssets", "assets/{file}", "get")]
    [InlineData("PageSettings", "api/pages/settings", "get")]
    public void Pages_are_anonymous_functions_on_short_paths(string name, string route, string methods)
    {
        var trigger = Manifest().Single(f => f.Name == name).FunctionJson["bindings"]![0]!;

        Assert.Equal(route, (string?)trigger["route"]);
        Assert.Equal("anonymous", (string?)trigger["authLevel"]);
        Assert.Equal(methods.Split(','), trigger["methods"]!.AsArray().Select(m => (string?)m));
    }

    [Fact]
    public void Host_json_sets_an_empty_route_prefix_so_the_routes_are_the_paths()
    {
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(Microneedling.Testing.RepositoryPaths.Root, "host.json")))!;

        Assert.Equal(string.Empty, (string?)host["extensions"]!["http"]!["routePrefix"]);
    }

    [Fact]
    public void Every_route_but_the_pages_keeps_the_api_prefix()
    {
        var routes = Manifest().Select(f => f.FunctionJson["bindings"]![0]!).Where(b => (string?)b["type"] == "httpTrigger").Select(b => (string)b["route"]!).ToList();

        Assert.All(routes.Where(r => !r.StartsWith("api/", StringComparison.Ordinal)),
            r => Assert.Matches("^(book|manage/{bookingId}|unsubscribe/{addressHash}/{token}|assets/{file})$", r));
    }

    [Fact]
    public void Timers_get_a_timer_trigger_reading_their_schedule_setting()
    {
        var timer = Manifest().Single(f => f.Name == RecordingTimer.FunctionName).FunctionJson;

        var trigger = timer["bindings"]![0]!;
        Assert.Equal("timerTrigger", (string?)trigger["type"]);
        Assert.Equal("%RecordingTimerSchedule%", (string?)trigger["schedule"]);
        Assert.Equal("fixedDelay", (string?)timer["retry"]!["strategy"]);
    }

    [Fact]
    public void Protocol_endpoints_are_not_functions()
    {
        var names = Manifest().Select(f => f.Name).ToList();

        Assert.DoesNotContain(names, n => n.Length == 0);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Written_folders_hold_one_function_json_each()
    {
        var root = Directory.CreateTempSubdirectory("functions-").FullName;
        try
        {
            var manifest = Manifest();
            FunctionManifest.WriteTo(root, manifest);

            foreach (var function in manifest)
            {
                var written = JsonNode.Parse(File.ReadAllText(Path.Combine(root, function.Name, "function.json")));
                Assert.True(JsonNode.DeepEquals(function.FunctionJson, written));
            }

            Assert.Equal(manifest.Count, Directory.GetDirectories(root).Length);
            var routes = Directory.GetDirectories(root)
                .Select(d => JsonNode.Parse(File.ReadAllText(Path.Combine(d, "function.json")))!["bindings"]![0]!["route"])
                .OfType<JsonNode>().Select(r => r.GetValue<string>()).ToList();
            Assert.NotEmpty(routes);
            Assert.All(routes, r => Assert.False(
                r.Trim('/').StartsWith("admin", StringComparison.OrdinalIgnoreCase) || r.Trim('/').StartsWith("runtime", StringComparison.OrdinalIgnoreCase),
                $"The Functions host refuses route '{r}'."));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("/api/unnamed", null, "no name")]
    [InlineData("/files/{*path}", "Files", "catch-all")]
    [InlineData("/api/bad", "1bad", "not a valid function name")]
    [InlineData("/admin/things", "Things", "refuses routes beginning with admin")]
    [InlineData("/Runtime", "Runtime", "refuses routes beginning with admin or runtime")]
    [InlineData("/administer", "Administer", "refuses routes")]
    public void Endpoints_that_cannot_be_functions_are_refused(string pattern, string? name, string expected)
    {
        var builder = WebApplication.CreateSlimBuilder();
        using var app = builder.Build();
        var endpoint = app.MapGet(pattern, () => "x");
        if (name is not null)
        {
            endpoint.WithName(name);
        }

        var error = Assert.Throws<InvalidOperationException>(() => FunctionManifest.Build(((IEndpointRouteBuilder)app).DataSources, []));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
