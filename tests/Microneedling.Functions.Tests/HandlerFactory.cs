using Microneedling.Functions.Hosting.Timers;
using Microneedling.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microneedling.Functions.Tests;

/// <summary>The real app in process, with a fake clock, a recording timer and chosen settings.</summary>
public sealed class HandlerFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 10, 2, 0, TimeSpan.Zero));

    public RecordingTimer Timer { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public static HandlerFactory UnderFunctionsHost(IReadOnlyDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null) =>
        new(With(extra, ("FUNCTIONS_CUSTOMHANDLER_PORT", "7777")), services);

    public static HandlerFactory Standalone(IReadOnlyDictionary<string, string?>? extra = null) =>
        new(With(extra));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Logs);
            logging.AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace);
        });
        builder.ConfigureTestServices(test =>
        {
            test.AddSingleton<TimeProvider>(Clock);
            test.AddSingleton(RecordingTimer.Definition);
            test.AddSingleton(Timer);
            services?.Invoke(test);
        });
    }

    private static Dictionary<string, string?> With(IReadOnlyDictionary<string, string?>? extra, params (string Key, string? Value)[] pairs)
    {
        var all = new Dictionary<string, string?>(extra ?? new Dictionary<string, string?>());
        foreach (var (key, value) in pairs)
        {
            all[key] = value;
        }

        return all;
    }
}
