using System.Net;
using Azure.Core.Pipeline;
using Microneedling.Testing;

namespace Microneedling.Tables.Tests;

/// <summary>Retries come from the Azure.Core pipeline; each attempt must be signed again.</summary>
public class RetryTests
{
    [Fact]
    public async Task A_503_then_success_is_retried_and_re_signed()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero));
        var handler = new ScriptedHandler(clock, HttpStatusCode.ServiceUnavailable, HttpStatusCode.NoContent);
        var client = ClientWith(handler, clock);

        await client.AddEntityAsync(new TableEntity("p", "r"));

        Assert.Equal(2, handler.Requests.Count);
        var (first, second) = (handler.Requests[0], handler.Requests[1]);
        Assert.Equal("Sat, 21 Nov 2026 10:00:00 GMT", first.Date);
        Assert.Equal("Sat, 21 Nov 2026 10:00:07 GMT", second.Date);
        Assert.NotEqual(first.Authorization, second.Authorization);
        var credential = new TableSharedKeyCredential(AzuriteFixture.AccountName, AzuriteFixture.AccountKey);
        Assert.All(handler.Requests, r => Assert.Equal(
            "SharedKeyLite devstoreaccount1:" + credential.ComputeSignature($"{r.Date}\n/devstoreaccount1/devstoreaccount1/people"),
            r.Authorization));
    }

    [Fact]
    public async Task A_404_is_not_retried()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var handler = new ScriptedHandler(clock, HttpStatusCode.NotFound);
        var client = ClientWith(handler, clock);

        var error = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => client.AddEntityAsync(new TableEntity("p", "r")));

        Assert.Single(handler.Requests);
        Assert.Equal(404, error.Status);
        Assert.Equal("ResourceNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task The_error_code_header_wins_over_an_xml_body()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var handler = new ScriptedHandler(clock, HttpStatusCode.Forbidden) { XmlErrors = true };
        var client = ClientWith(handler, clock);

        var error = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => client.AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(403, error.Status);
        Assert.Equal("AuthenticationFailed", error.ErrorCode);
    }

    private static TableClient ClientWith(ScriptedHandler handler, TimeProvider clock)
    {
        var options = new TableClientOptions
        {
            Transport = new HttpClientTransport(new HttpClient(handler)),
            TimeProvider = clock,
        };
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        return new TableClient(new Uri("http://127.0.0.1:1/devstoreaccount1"), "people",
            new TableSharedKeyCredential(AzuriteFixture.AccountName, AzuriteFixture.AccountKey), options);
    }

    private sealed class ScriptedHandler(FakeTimeProvider clock, params HttpStatusCode[] replies) : HttpMessageHandler
    {
        public List<(string Date, string Authorization)> Requests { get; } = [];

        public bool XmlErrors { get; init; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.Headers.GetValues("x-ms-date").Single(), request.Headers.GetValues("Authorization").Single()));
            var status = replies[Math.Min(Requests.Count - 1, replies.Length - 1)];
            clock.Advance(TimeSpan.FromSeconds(7));
            var response = new HttpResponseMessage(status);
            if ((int)status >= 400)
            {
                var code = status == HttpStatusCode.NotFound ? "ResourceNotFound" : status == HttpStatusCode.Forbidden ? "AuthenticationFailed" : "ServerBusy";
                response.Headers.Add("x-ms-error-code", code);
                response.Content = XmlErrors
                    ? new StringContent("<?xml version=\"1.0\"?><Error><Code>SomethingElse</Code><Message>Server failed to authenticate the request.</Message></Error>", System.Text.Encoding.UTF8, "application/xml")
                    : new StringContent($"{{\"odata.error\":{{\"code\":\"{code}\",\"message\":{{\"value\":\"x\"}}}}}}", System.Text.Encoding.UTF8, "application/json");
            }

            return Task.FromResult(response);
        }
    }
}
