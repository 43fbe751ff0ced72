using Microneedling.Storage.Hosting;
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
            .WithMetadata(new NotAFunctionMetadata(), new ReadinessMetadata());
        return app;
    }

    /// <summary>
    /// Every request but the readiness ping waits for start-up's attempt to create the tables, which
    /// runs beside start-up rather than before it; once it has ended this costs one completed-task check.
    /// </summary>
    public static WebApplication UseTableCreationGate(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var firstAttempt = app.Services.GetRequiredService<ITableCreation>().FirstAttempt;
        app.Use(async (context, next) =>
        {
            if (!firstAttempt.IsCompleted && context.GetEndpoint()?.Metadata.GetMetadata<ReadinessMetadata>() is null)
            {
                await firstAttempt.WaitAsync(context.RequestAborted).ConfigureAwait(false);
            }

            await next(context).ConfigureAwait(false);
        });
        return app;
    }

    /// <summary>Marks the host's readiness ping, which must answer as soon as the app listens.</summary>
    private sealed record ReadinessMetadata;
}
