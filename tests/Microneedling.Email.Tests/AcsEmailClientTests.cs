using Azure;
using Microneedling.Email.Acs;
using Microneedling.Testing;

namespace Microneedling.Email.Tests;

public sealed class AcsEmailClientTests : IAsyncLifetime
{
    private AcsLoopbackServer _acs = null!;

    public async Task InitializeAsync() => _acs = await AcsLoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _acs.DisposeAsync();

    private AcsEmailClient Client(string? connectionString = null)
    {
        var options = new AcsEmailClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        return new AcsEmailClient(connectionString ?? _acs.ConnectionString, options);
    }

    [Fact]
    public async Task A_signed_send_is_accepted_and_carries_the_whole_message()
    {
        var message = Samples.Message();

        var result = await Client().SendAsync(message);

        Assert.Equal(202, result.GetRawResponse().Status);
        Assert.Equal(EmailDeliveryState.Running, result.Value.State);
        var body = _acs.Delivered[message.OperationId].Body;
        Assert.Equal("appointments@clearskin.example", body.GetProperty("senderAddress").GetString());
        Assert.Equal("zoe@example.com", body.GetProperty("recipients").GetProperty("to")[0].GetProperty("address").GetString());
        Assert.Equal(message.Subject, body.GetProperty("content").GetProperty("subject").GetString());
        Assert.Contains("Dr Amira Khan", body.GetProperty("content").GetProperty("html").GetString(), StringComparison.Ordinal);
        var attachment = body.GetProperty("attachments")[0];
        Assert.Equal("text/calendar; charset=utf-8; method=REQUEST", attachment.GetProperty("contentType").GetString());
        Assert.Equal(Samples.Invite().Content.ToArray(), Convert.FromBase64String(attachment.GetProperty("contentInBase64").GetString()!));
        Assert.True(body.GetProperty("userEngagementTrackingDisabled").GetBoolean());
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_the_services_error_code()
    {
        var wrong = $"endpoint={_acs.Endpoint};accesskey={Convert.ToBase64String(new byte[32])}";

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Client(wrong).SendAsync(Samples.Message()));

        Assert.Equal(401, error.Status);
        Assert.Equal("Denied", error.ErrorCode);
        Assert.Empty(_acs.Delivered);
        Assert.Equal(1, _acs.Rejected);
    }

    [Fact]
    public async Task A_429_then_success_is_retried_with_the_same_operation_id()
    {
        _acs.FailNext(429, retryAfterSeconds: 1);
        _acs.FailNext(503);
        var message = Samples.Message();

        var started = DateTime.UtcNow;
        await Client().SendAsync(message);

        Assert.Equal(3, _acs.Attempts.Count);
        Assert.All(_acs.Attempts, a => Assert.Equal(message.OperationId, a.OperationId));
        Assert.Single(_acs.Delivered);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9), "Retry-After: 1 should have been honoured");
    }

    [Fact]
    public async Task Sending_the_same_operation_again_delivers_once()
    {
        var message = Samples.Message();

        await Client().SendAsync(message);
        await Client().SendAsync(message);

        Assert.Equal(2, _acs.Attempts.Count);
        Assert.Single(_acs.Delivered);
    }

    [Fact]
    public async Task Status_is_looked_up_by_operation_id()
    {
        var message = Samples.Message();
        await Client().SendAsync(message);

        var status = await Client().GetStatusAsync(message.OperationId);
        var unknown = await Assert.ThrowsAsync<RequestFailedException>(() => Client().GetStatusAsync(Guid.NewGuid()));

        Assert.Equal(EmailDeliveryState.Succeeded, status.Value.State);
        Assert.Equal(404, unknown.Status);
    }

    [Fact]
    public async Task Names_cannot_inject_headers_or_break_the_json()
    {
        var message = Samples.Message(patientName: "Eve\r\nBcc: all@evil.example");

        await Client().SendAsync(message);

        var to = _acs.Delivered[message.OperationId].Body.GetProperty("recipients").GetProperty("to")[0];
        Assert.DoesNotContain('\n', to.GetProperty("displayName").GetString()!);
    }

    [Theory]
    [InlineData("endpoint=https://x.communication.azure.com/")]
    [InlineData("accesskey=a2V5")]
    [InlineData("endpoint=https://x.communication.azure.com/;accesskey=not base64")]
    public void Incomplete_connection_strings_are_refused(string connectionString) =>
        Assert.Throws<FormatException>(() => AcsConnectionString.Parse(connectionString));
}
