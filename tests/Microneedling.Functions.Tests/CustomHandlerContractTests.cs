using System.Net;
using System.Text;
using System.Text.Json;

namespace Microneedling.Functions.Tests;

/// <summary>What the Azure Functions host sends a custom handler, and what it needs back.</summary>
public sealed class CustomHandlerContractTests : IDisposable
{
    // The body the host sends for a timer invocation (platform-facts.md), binding named "timer".
    private const string TimerBody = """
        {"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"2026-03-01T09:55:00+00:00","Next":"2026-03-01T10:05:00+00:00","LastUpdated":"2026-03-01T09:55:00+00:00"},"IsPastDue":true}},"Metadata":{"sys":{"MethodName":"RecordingTimer","UtcNow":"2026-03-01T10:00:00.1234567Z","RandGuid":"6d6b0d6e-6c1a-4f6e-9a4f-2f0f8d1f4a11"}}}
        """;

    private readonly HandlerFactory _factory = HandlerFactory.UnderFunctionsHost();

    [Fact]
    public async Task Readiness_ping_on_root_gets_a_response()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Timer_invocation_gets_the_json_reply_the_host_expects()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/RecordingTimer", UriKind.Relative), ChunkedJson(TimerBody));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Object, reply.RootElement.GetProperty("Outputs").ValueKind);
        Assert.Equal("ran", reply.RootElement.GetProperty("Logs")[0].GetString());
        Assert.Equal(JsonValueKind.Null, reply.RootElement.GetProperty("ReturnValue").ValueKind);
    }

    [Fact]
    public async Task Timer_invocation_passes_the_hosts_schedule_status_and_invocation_id()
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/RecordingTimer") { Content = ChunkedJson(TimerBody) };
        request.Headers.Add("X-Azure-Functions-InvocationId", "inv-42");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var invocation = Assert.Single(_factory.Timer.Invocations);
        Assert.Equal("inv-42", invocation.InvocationId);
        Assert.True(invocation.IsPastDue);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 55, 0, TimeSpan.Zero), invocation.LastScheduled);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 5, 0, TimeSpan.Zero), invocation.NextScheduled);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1234567), invocation.FiredAt);
    }

    [Fact]
    public async Task Timer_invocation_with_null_schedule_status_still_runs()
    {
        using var client = _factory.CreateClient();
        const string body = """{"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":false}},"Metadata":{"sys":{"MethodName":"RecordingTimer"}}}""";

        using var response = await client.PostAsync(new Uri("/RecordingTimer", UriKind.Relative), ChunkedJson(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var invocation = Assert.Single(_factory.Timer.Invocations);
        Assert.Null(invocation.LastScheduled);
        Assert.Equal(_factory.Clock.GetUtcNow(), invocation.FiredAt);
    }

    [Fact]
    public async Task A_failing_timer_fails_the_invocation_with_a_json_reply()
    {
        _factory.Timer.Fail = true;
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/RecordingTimer", UriKind.Relative), ChunkedJson(TimerBody));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("failed", reply.RootElement.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_function_name_is_not_found()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/NoSuchTimer", UriKind.Relative), ChunkedJson(TimerBody));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_standalone_scheduler_stays_idle_under_the_host()
    {
        using var client = _factory.CreateClient();

        _factory.Clock.Advance(TimeSpan.FromHours(1));
        await Task.Delay(100);

        Assert.Empty(_factory.Timer.Invocations);
        Assert.Equal(0, _factory.Clock.PendingTimers);
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>The real host sends the timer body chunked, with no Content-Length.</summary>
    private static StreamContent ChunkedJson(string json)
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }
}
