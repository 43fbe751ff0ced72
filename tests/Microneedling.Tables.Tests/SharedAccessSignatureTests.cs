using System.Net;
using Azure.Core.Pipeline;
using Microneedling.Testing;

namespace Microneedling.Tables.Tests;

public class SharedAccessSignatureTests
{
    [Fact]
    public async Task A_sas_connection_string_appends_the_token_to_every_request_and_signs_nothing()
    {
        var handler = new CapturingHandler(HttpStatusCode.NoContent);
        var client = new TableClient("TableEndpoint=https://clinic.table.core.windows.net;SharedAccessSignature=?sv=2019-02-02&tn=people&sig=abc%3D", "people",
            new TableClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) });

        await client.AddEntityAsync(new TableEntity("p", "r"));
        await client.DeleteEntityAsync("p", "r");

        Assert.Equal("https://clinic.table.core.windows.net/people(PartitionKey='p',RowKey='r')?sv=2019-02-02&tn=people&sig=abc%3D", handler.Url);
        Assert.Null(handler.Authorization);
    }
}
