using Microsoft.Extensions.Logging.Console;

namespace Microneedling.Functions.Hosting;

public static class CustomHandlerHostingExtensions
{
    /// <summary>
    /// Binds to the port the Functions host chose when there is one, and logs to stdout only
    /// (the host records every stderr line as an error).
    /// </summary>
    public static WebApplicationBuilder AddCustomHandlerHosting(this WebApplicationBuilder builder)
    {
        var mode = HostingMode.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(mode);
        if (mode.CustomHandlerPort is { } port)
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }

        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.None);
        return builder;
    }

    /// <summary>The host's readiness ping: any response counts, so it must not touch storage.</summary>
    public static IEndpointRouteBuilder MapCustomHandlerReadiness(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => TypedResults.Text("ready"))
            .ExcludeFromDescription()
            .WithMetadata(new NotAFunctionMetadata());
        return app;
    }
}
