using System.Net;
using Azure.Core.Pipeline;
using Microneedling.Testing;
using Microneedling.Email.Acs;

namespace Microneedling.Email.Tests;

public class EntraIdTests
{
    [Fact]
    public async Task Entra_id_sends_a_bearer_token_for_the_communication_scope()
    {
        var credential = new RecordingTokenCredential("token-abc");
        var handler = new CapturingHandler(HttpStatusCode.Accepted, """{"id":"x","status":"Running"}""");
        var client = new AcsEmailClient(new Uri("https://clinic.communication.azure.com"), credential,
            new AcsEmailClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) });

        await client.SendAsync(Samples.Message());

        Assert.Equal(["https://communication.azure.com//.default"], credential.Scopes);
        Assert.Equal("Bearer token-abc", handler.Authorization);
        Assert.Equal("https://clinic.communication.azure.com/emails:send?api-version=2025-09-01", handler.Url);
    }
}
