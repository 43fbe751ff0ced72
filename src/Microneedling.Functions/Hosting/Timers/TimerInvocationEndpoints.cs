using System.Globalization;
using System.Text.Json;
using Microneedling.Functions.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microneedling.Functions.Hosting.Timers;

/// <summary>
/// The custom-handler side of timer triggers: the host POSTs <c>/{FunctionName}</c> with
/// <c>{Data, Metadata}</c> and needs a JSON <c>{Outputs, Logs, ReturnValue}</c> reply; a non-2xx
/// reply marks the invocation failed (and lets the host's retry policy run).
/// </summary>
public static class TimerInvocationEndpoints
{
    public const string InvocationIdHeader = "X-Azure-Functions-InvocationId";

    public static IEndpointRouteBuilder MapTimerInvocations(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Resolving the schedules checks every timer's setting now, at start-up, not at first firing.
        _ = app.ServiceProvider.GetRequiredService<TimerSchedules>();
        foreach (var timer in app.ServiceProvider.GetServices<TimerDefinition>())
        {
            app.MapPost("/" + timer.Name, (HttpRequest request, TimerRunner runner, TimeProvider clock, CancellationToken ct) =>
                    InvokeAsync(timer, request, runner, clock, ct))
                .ExcludeFromDescription()
                .WithMetadata(new NotAFunctionMetadata());
        }

        return app;
    }

    private static async Task<IResult> InvokeAsync(TimerDefinition timer, HttpRequest request, TimerRunner runner, TimeProvider clock, CancellationToken ct)
    {
        TimerInvocation invocation;
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct).ConfigureAwait(false);
            invocation = ReadInvocation(timer.Name, request.Headers[InvocationIdHeader].ToString(), body.RootElement, clock);
        }
        catch (JsonException)
        {
            return Reply(StatusCodes.Status400BadRequest, ["The timer invocation body is not JSON."]);
        }

        var outcome = await runner.RunAsync(timer, invocation, ct).ConfigureAwait(false);
        return Reply(outcome.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError, outcome.Logs);
    }

    internal static TimerInvocation ReadInvocation(string functionName, string invocationIdHeader, JsonElement root, TimeProvider clock)
    {
        var timerData = FirstObject(Property(root, "Data"));
        var status = Property(timerData, "ScheduleStatus");
        var sys = Property(Property(root, "Metadata"), "sys");

        var invocationId = !string.IsNullOrEmpty(invocationIdHeader) ? invocationIdHeader
            : StringOf(Property(sys, "RandGuid")) ?? Guid.NewGuid().ToString();
        return new TimerInvocation(
            functionName,
            invocationId,
            DateOf(Property(sys, "UtcNow")) ?? clock.GetUtcNow(),
            Property(timerData, "IsPastDue") is { ValueKind: JsonValueKind.True },
            DateOf(Property(status, "Last")),
            DateOf(Property(status, "Next")));
    }

    private static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) ? value : null;

    private static JsonElement? FirstObject(JsonElement? element)
    {
        if (element is not { ValueKind: JsonValueKind.Object } e)
        {
            return null;
        }

        foreach (var p in e.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Object)
            {
                return p.Value;
            }
        }

        return null;
    }

    private static string? StringOf(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;

    private static DateTimeOffset? DateOf(JsonElement? element) =>
        StringOf(element) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value : null;

    private static JsonHttpResult<TimerInvocationReply> Reply(int status, IReadOnlyList<string> logs) =>
        TypedResults.Json(new TimerInvocationReply(new Dictionary<string, object?>(), logs, null), TimerInvocationReply.SerializerOptions, statusCode: status);
}

/// <summary>The reply shape the Functions host expects from a custom handler.</summary>
public sealed record TimerInvocationReply(IReadOnlyDictionary<string, object?> Outputs, IReadOnlyList<string> Logs, object? ReturnValue)
{
    internal static JsonSerializerOptions SerializerOptions { get; } = new() { PropertyNamingPolicy = null };
}
