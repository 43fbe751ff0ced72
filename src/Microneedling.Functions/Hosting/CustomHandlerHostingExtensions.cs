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

    /// <summary>
    /// The host's readiness ping (<c>GET /</c>), answered ahead of routing: any response counts, so it
    /// touches neither storage nor the route table. The route table (every endpoint's request delegate,
    /// ~150 ms on two cores) is built beside it once the app has started, by a request that stops right
    /// after routing; a request that comes first waits for that build, as it would have built it itself.
    /// Call first: it adds the routing middleware, so what follows runs after routing.
    /// </summary>
    public static WebApplication UseCustomHandlerReadiness(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        RequestDelegate? routing = null;
        app.Use(next =>
        {
            routing = next;
            return context => IsReadinessPing(context.Request) ? Ready(context.Response) : next(context);
        });
        app.UseRouting();
        app.Use((context, next) => context.Features.Get<RouteTableWarmUp>() is null ? next(context) : Task.CompletedTask);
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(() =>
        {
            var warmUp = new DefaultHttpContext();
            warmUp.Features.Set(new RouteTableWarmUp());
            warmUp.Request.Method = HttpMethods.Get;
            warmUp.Request.Path = "/";
            return routing?.Invoke(warmUp) ?? Task.CompletedTask;
        }));
        return app;

        static Task Ready(HttpResponse response)
        {
            response.ContentType = "text/plain; charset=utf-8";
            return response.WriteAsync("ready", response.HttpContext.RequestAborted);
        }
    }

    public static bool IsReadinessPing(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path == "/" && HttpMethods.IsGet(request.Method);
    }

    /// <summary>
    /// Every request (the readiness ping is answered before this) waits for start-up's attempt to create
    /// the tables, which runs beside start-up rather than before it; once it has ended this costs one
    /// completed-task check.
    /// </summary>
    public static WebApplication UseTableCreationGate(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var firstAttempt = app.Services.GetRequiredService<ITableCreation>().FirstAttempt;
        app.Use(async (context, next) =>
        {
            if (!firstAttempt.IsCompleted)
            {
                await firstAttempt.WaitAsync(context.RequestAborted).ConfigureAwait(false);
            }

            await next(context).ConfigureAwait(false);
        });
        return app;
    }

    /// <summary>Marks the start-up request that builds the route table and goes no further.</summary>
    private sealed record RouteTableWarmUp;
}
