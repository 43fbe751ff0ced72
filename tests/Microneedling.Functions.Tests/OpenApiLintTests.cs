using System.Diagnostics;
using System.Text.Json.Nodes;
using Microneedling.Testing;

namespace Microneedling.Functions.Tests;

/// <summary>The served OpenAPI document passes npm @redocly/cli's recommended rules (no errors).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenApiLintTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ApiFactory _api = new(azurite);

    [Fact]
    public async Task The_document_passes_redocly_lint()
    {
        var document = await _api.Client.GetStringAsync(new Uri("/api/openapi.json", UriKind.Relative));
        var file = Path.Combine(Directory.CreateTempSubdirectory("openapi-").FullName, "openapi.json");
        await File.WriteAllTextAsync(file, document);

        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(RepositoryPaths.NodeModules, "@redocly", "cli", "bin", "cli.js"));
        info.ArgumentList.Add("lint");
        info.ArgumentList.Add(file);
        info.ArgumentList.Add("--format=json");
        info.Environment["REDOCLY_TELEMETRY"] = "off";
        info.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var lint = Process.Start(info)!;
        var output = await lint.StandardOutput.ReadToEndAsync();
        await lint.WaitForExitAsync();

        var problems = JsonNode.Parse(output)!["problems"]!.AsArray();
        var errors = problems.Where(p => p!["severity"]!.GetValue<string>() == "error")
            .Select(p => $"{p!["ruleId"]}: {p["message"]} at {p["location"]?[0]?["pointer"]}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal(0, lint.ExitCode);
    }

    [Fact]
    public async Task Operations_declare_how_they_are_secured_and_show_examples()
    {
        var document = JsonNode.Parse(await _api.Client.GetStringAsync(new Uri("/api/openapi.json", UriKind.Relative)))!;
        var paths = document["paths"]!;

        Assert.Equal("manageToken", paths["/api/bookings/{bookingId}"]!["get"]!["security"]![0]!.AsObject().Single().Key);
        Assert.Equal("functionKey", paths["/api/staff/bookings"]!["get"]!["security"]![0]!.AsObject().Single().Key);
        Assert.Empty(paths["/api/bookings"]!["post"]!["security"]![0]!.AsObject());
        Assert.NotNull(paths["/api/bookings"]!["post"]!["requestBody"]!["content"]!["application/json"]!["example"]);
        Assert.True(paths["/api/bookings"]!["post"]!["responses"]!.AsObject().ContainsKey("409"));
    }

    public void Dispose() => _api.Dispose();
}
