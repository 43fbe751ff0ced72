using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Microneedling.Email.Acs;

namespace Microneedling.Email.Tests;

public class EntraIdTests
{
    [Fact]
    public async Task Entra_id_sends_a_bearer_token_for_the_communication_scope()
    {
        var credential = new RecordingCredential();
        var handler = new CapturingHandler();
        var client = new AcsEmailClient(new Uri("https://clinic.communication.azure.com"), credential,
            new AcsEmailClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) });

        await client.SendAsync(Samples.Message());

        Assert.Equal(["https://communication.azure.com//.default"], credential.Scopes);
        Assert.Equal("Bearer token-abc", handler.Authorization);
        Assert.Equal("https://clinic.communication.azure.com/emails:send?api-version=2025-09-01", handler.Url);
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken("token-abc", DateTimeOffset.UtcNow.AddHours(1));
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
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Accepted) { Content = new StringContent("{\"id\":\"x\",\"status\":\"Running\"}") });
        }
    }
}
