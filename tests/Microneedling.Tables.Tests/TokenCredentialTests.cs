using System.Net;
using Azure.Core.Pipeline;
using Microneedling.Testing;

namespace Microneedling.Tables.Tests;

public class TokenCredentialTests
{
    [Fact]
    public async Task Entra_id_requests_carry_a_bearer_token_for_the_storage_scope()
    {
        var credential = new RecordingTokenCredential("token-123");
        var handler = new CapturingHandler(HttpStatusCode.NoContent);
        var client = new TableClient(new Uri("https://clinic.table.core.windows.net"), "bookings", credential,
            new TableClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) });

        await client.AddEntityAsync(new TableEntity("p", "r"));

        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
        Assert.Equal("Bearer token-123", handler.Authorization);
        Assert.Equal("https://clinic.table.core.windows.net/bookings", handler.Url);
    }
}
