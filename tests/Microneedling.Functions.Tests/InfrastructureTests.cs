using System.Text.Json;
using System.Text.RegularExpressions;
using Microneedling.Functions.Hosting;
using Microneedling.Functions.Hosting.Timers;
using Microneedling.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Microneedling.Functions.Tests;

/// <summary>
/// What can be checked of the deployment without Azure or the Bicep compiler: the templates set
/// every setting the code needs, run the custom handler on Flex Consumption with keyless access,
/// and azd deploys exactly the folder publish builds.
/// </summary>
public sealed partial class InfrastructureTests : IDisposable
{
    private static readonly string Infra = Path.Combine(RepositoryPaths.Root, "infra");
    private static readonly string Api = File.ReadAllText(Path.Combine(Infra, "app", "api.bicep"));
    private readonly HandlerFactory _factory = HandlerFactory.UnderFunctionsHost();

    [Fact]
    public void The_templates_set_every_setting_the_code_requires()
    {
        _ = _factory.Server;
        var timers = _factory.Services.GetServices<TimerDefinition>().Where(t => t.Name != RecordingTimer.FunctionName);
        var set = AppSettingKeys();

        var missing = AzureAppSettings.RequiredWith(timers).Where(name => !set.Contains(name)).ToList();

        Assert.True(missing.Count == 0, "Not set by infra/app/api.bicep: " + string.Join(", ", missing));
        Assert.Contains("ReminderSweepSchedule", set);
        Assert.Contains("BookingRecoverySchedule", set);
    }

    [Fact]
    public void No_key_or_connection_string_is_in_the_app_settings()
    {
        var keys = AppSettingKeys();

        Assert.DoesNotContain(keys, k => k.Contains("ConnectionString", StringComparison.OrdinalIgnoreCase) && k != "APPLICATIONINSIGHTS_CONNECTION_STRING");
        Assert.DoesNotContain(keys, k => k.Contains("AccountKey", StringComparison.OrdinalIgnoreCase) || k.Contains("AccessKey", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", keys); // Flex Consumption sets the runtime in functionAppConfig
        Assert.Contains("allowSharedKeyAccess: false", File.ReadAllText(Path.Combine(Infra, "app", "storage.bicep")), StringComparison.Ordinal);
        Assert.Contains("DisableLocalAuth: true", File.ReadAllText(Path.Combine(Infra, "app", "monitoring.bicep")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_is_a_custom_handler_on_flex_consumption_with_a_user_assigned_identity()
    {
        Assert.Matches(RuntimeCustom(), Api);
        Assert.Matches(FlexPlan(), Api);
        Assert.Contains("type: 'UserAssigned'", Api, StringComparison.Ordinal);
        Assert.Contains("type: 'UserAssignedIdentity'", Api, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("storage.bicep", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b")] // Storage Blob Data Owner: timer leases, deployment container
    [InlineData("storage.bicep", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3")] // Storage Table Data Contributor: the app's data
    [InlineData("monitoring.bicep", "3913510d-42f4-4e42-8a64-420c390055eb")] // Monitoring Metrics Publisher: telemetry with Entra ID
    public void The_identity_gets_the_roles_it_needs(string module, string roleId) =>
        Assert.Contains(roleId, File.ReadAllText(Path.Combine(Infra, "app", module)), StringComparison.Ordinal);

    [Fact]
    public void Azd_deploys_the_folder_that_publish_builds()
    {
        var azure = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "azure.yaml"));
        var publish = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "scripts", "publish.sh"));

        var output = PublishVariable().Match(publish).Groups[1].Value;
        var app = AppVariable().Match(publish).Groups[1].Value.Replace("$out", output, StringComparison.Ordinal);
        Assert.Equal("artifacts/publish/app", app);
        Assert.Contains("project: ./" + app, azure, StringComparison.Ordinal);
        Assert.Contains("run: scripts/publish.sh", azure, StringComparison.Ordinal);
        Assert.Contains("remoteBuild: false", azure, StringComparison.Ordinal);
        Assert.Contains("host: function", azure, StringComparison.Ordinal);
        Assert.Contains("cp host.json \"$app/\"", publish, StringComparison.Ordinal);
        Assert.Contains("write-functions \"$app\"", publish, StringComparison.Ordinal);
        Assert.Contains("scripts/package.cs", publish, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_module_parameter_without_a_default_is_passed_and_every_main_parameter_is_mapped()
    {
        var main = File.ReadAllText(Path.Combine(Infra, "main.bicep"));
        var parameters = JsonDocument.Parse(File.ReadAllText(Path.Combine(Infra, "main.parameters.json"))).RootElement.GetProperty("parameters");
        foreach (var module in Directory.GetFiles(Path.Combine(Infra, "app"), "*.bicep"))
        {
            var name = Path.GetFileNameWithoutExtension(module);
            var block = ModuleBlock(name).Match(main);
            Assert.True(block.Success, $"main.bicep does not use app/{name}.bicep");
            foreach (Match p in RequiredParam().Matches(File.ReadAllText(module)))
            {
                Assert.Matches($@"\b{p.Groups[1].Value}\b", block.Value);
            }
        }

        foreach (Match p in RequiredParam().Matches(main))
        {
            Assert.True(parameters.TryGetProperty(p.Groups[1].Value, out _), $"main.parameters.json does not map {p.Groups[1].Value}");
        }
    }

    [Fact]
    public void Under_the_host_outside_development_missing_settings_stop_start_up_by_name()
    {
        using var factory = new ProductionHost();

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains("Storage__TableEndpoint", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("ReminderSweepSchedule", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_sends_telemetry_to_application_insights_with_its_identity()
    {
        var keys = AppSettingKeys();

        Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", keys);
        Assert.Contains("APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'", Api, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void The_templates_compile_and_alert_the_on_call_address_on_the_apps_own_metrics()
    {
        var template = JsonDocument.Parse(Bicep.Build(Path.Combine(Infra, "main.bicep"))).RootElement;
        var module = template.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "alerts").GetProperty("properties");
        var resources = module.GetProperty("template").GetProperty("resources").EnumerateArray().ToList();
        var queries = module.GetProperty("template").GetProperty("variables").GetProperty("logAlerts").EnumerateArray().Select(a => a.GetProperty("query").GetString()!).ToList();

        Assert.Equal("[parameters('alertEmail')]", module.GetProperty("parameters").GetProperty("alertEmail").GetProperty("value").GetString());
        var group = Assert.Single(resources, r => r.GetProperty("type").GetString() == "Microsoft.Insights/actionGroups");
        Assert.Equal("[parameters('alertEmail')]", group.GetProperty("properties").GetProperty("emailReceivers")[0].GetProperty("emailAddress").GetString());
        Assert.Contains(queries, q => q.Contains($"name == \"{Telemetry.ClinicMetrics.RemindersFailed}\"", StringComparison.Ordinal));
        Assert.Equal(2, queries.Count(q => q.Contains($"name == \"{Telemetry.ClinicMetrics.SweepLag}\"", StringComparison.Ordinal)));
        Assert.Contains(resources, r => r.GetProperty("type").GetString() == "Microsoft.Insights/scheduledQueryRules" && r.GetRawText().Contains("actionGroups", StringComparison.Ordinal));
        Assert.Contains(resources, r => r.GetProperty("type").GetString() == "Microsoft.Insights/webtests");
        Assert.Contains("/api/health", module.GetProperty("parameters").GetProperty("healthUrl").GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Contains(resources, r => r.GetProperty("type").GetString() == "Microsoft.Insights/metricAlerts" && r.GetRawText().Contains("WebtestLocationAvailabilityCriteria", StringComparison.Ordinal));
    }

    public void Dispose() => _factory.Dispose();

    private static HashSet<string> AppSettingKeys()
    {
        var block = AppSettingsBlock().Match(Api).Groups[1].Value;
        return [.. SettingKey().Matches(block).Select(m => m.Groups[1].Value)];
    }

    private sealed class ProductionHost : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("FUNCTIONS_CUSTOMHANDLER_PORT", "7777");
            builder.UseSetting("Security:ManageTokenKey", Convert.ToBase64String(new byte[32]));
        }
    }

    [GeneratedRegex(@"var appSettings = union\(\{(.*?)\n\}", RegexOptions.Singleline)]
    private static partial Regex AppSettingsBlock();

    [GeneratedRegex(@"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:", RegexOptions.Multiline)]
    private static partial Regex SettingKey();

    [GeneratedRegex(@"runtime:\s*\{\s*name:\s*'custom'\s*version:\s*'1\.0'\s*\}")]
    private static partial Regex RuntimeCustom();

    [GeneratedRegex(@"name:\s*'FC1'\s*tier:\s*'FlexConsumption'")]
    private static partial Regex FlexPlan();

    [GeneratedRegex(@"^out=(\S+)$", RegexOptions.Multiline)]
    private static partial Regex PublishVariable();

    [GeneratedRegex(@"^app=(\S+)$", RegexOptions.Multiline)]
    private static partial Regex AppVariable();

    [GeneratedRegex(@"^param (\w+) [\w\[\]]+\s*$", RegexOptions.Multiline)]
    private static partial Regex RequiredParam();

    private static Regex ModuleBlock(string module) => new($@"module \w+ 'app/{module}\.bicep' = \{{.*?\n\}}", RegexOptions.Singleline);
}
