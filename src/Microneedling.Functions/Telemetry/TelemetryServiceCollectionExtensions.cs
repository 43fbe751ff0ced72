using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microneedling.Email.Acs;
using Microneedling.Functions.Hosting;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Microneedling.Functions.Telemetry;

/// <summary>
/// Traces, metrics and logs with OpenTelemetry: to Application Insights through the Azure Monitor
/// distro when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, to the console or an OTLP
/// collector when <c>Telemetry:Exporter</c> asks for it (local runs), and nowhere otherwise: then
/// no OpenTelemetry pipeline is built at all, and the app's meters cost nothing.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    public const string ServiceName = "microneedling-functions";
    public const string ExporterSetting = "Telemetry:Exporter";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<ClinicMetrics>();
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<ProblemDetailsOptions>, RefusalCounting>();

        var connectionString = builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        var exporter = builder.Configuration[ExporterSetting]?.Trim().ToUpperInvariant();
        if (string.IsNullOrWhiteSpace(connectionString) && exporter is not ("CONSOLE" or "OTLP"))
        {
            return builder;
        }

        services.Configure<AspNetCoreTraceInstrumentationOptions>(o =>
        {
            o.Filter = PatientDataRedaction.IsTraced;
            o.EnrichWithHttpResponse = PatientDataRedaction.RouteInsteadOfPath;
        });
        services.Configure<OpenTelemetryLoggerOptions>(o => o.IncludeScopes = false);
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithTracing(t => t.AddProcessor(new PatientDataRedaction()).AddProcessor(new AzureSdkSpans()).AddSource("Azure.*"))
            .WithMetrics(m => m.AddMeter(ClinicMetrics.MeterName, AcsEmailMetrics.MeterName));
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            // The distro adds ASP.NET Core, HttpClient (without the requests Azure.Core records) and the Azure SDK's sources itself.
            ExportLogsOnceUnderTheHost(builder);
            otel.UseAzureMonitor(o =>
            {
                o.ConnectionString = connectionString;
                o.Credential = Credential(builder.Configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
                if (builder.Configuration["OTEL_TRACES_SAMPLER"] is null)
                {
                    o.SamplingRatio = 1.0f; // a clinic's traffic is small: every failed booking keeps its trace
                    o.TracesPerSecond = null;
                }
            });
        }
        else
        {
            otel.WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation(o => o.FilterHttpRequestMessage = AzureSdkSpans.IsOutsideAzureCore))
                .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
                .WithLogging();
            if (exporter == "CONSOLE")
            {
                otel.WithTracing(t => t.AddConsoleExporter()).WithMetrics(m => m.AddConsoleExporter()).WithLogging(l => l.AddConsoleExporter());
            }
            else
            {
                otel.UseOtlpExporter(); // endpoint and protocol from the standard OTEL_EXPORTER_OTLP_* variables
            }
        }

        return builder;
    }

    /// <summary>
    /// The Functions host records every line the handler writes to stdout as its own log
    /// (category <c>Host.Function.Console</c>) and sends it to the same Application Insights, so
    /// with the exporter on, information lines would arrive twice. Under the host the console then
    /// keeps warnings and errors only: the host's log stream still shows what went wrong, even when
    /// the exporter cannot send. Standalone, or with no Application Insights, the console is unchanged.
    /// </summary>
    private static void ExportLogsOnceUnderTheHost(WebApplicationBuilder builder)
    {
        if (HostingMode.FromConfiguration(builder.Configuration).UnderFunctionsHost)
        {
            builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        }
    }

    /// <summary>Application Insights with local authentication off takes the managed identity named in the host's own setting.</summary>
    private static TokenCredential? Credential(string? authentication)
    {
        var parts = (authentication ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var kind) || !kind.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out var clientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
