using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Microneedling.Tables.Tests;

public class TokenCredentialTests
{
    [Fact]
    public async Task Entra_id_requests_carry_a_bearer_token_for_the_storage_scope()
    {
        var credential = new RecordingCredential();
        var handler = new CapturingHandler();
        var client = new TableClient(new Uri("https://clinic.table.core.windows.net"), "bookings", credential,
            new TableClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) });

        await client.AddEntityAsync(new TableEntity("p", "r"));

        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
        Assert.Equal("Bearer token-123", handler.Authorization);
        Assert.Equal("https://clinic.table.core.windows.net/bookings", handler.Url);
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken("token-123", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public string? Authorization { get; private set; }

        public string? Url { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.Authorization?.ToString();
            Url = request.RequestUri?.ToString();
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));
        }
    }
}
