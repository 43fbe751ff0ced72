using System.Net;
using System.Text.Json;
using Microneedling.Testing;

namespace Microneedling.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class HealthTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Health_is_200_when_table_storage_answers()
    {
        using var factory = HandlerFactory.Standalone(new Dictionary<string, string?> { ["Storage:ConnectionString"] = azurite.ConnectionString });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("tableStorage").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_is_503_with_details_when_table_storage_is_unreachable()
    {
        var nobody = FreeTcpPort.Next();
        using var factory = HandlerFactory.Standalone(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteFixture.AccountKey};TableEndpoint=http://127.0.0.1:{nobody}/devstoreaccount1;",
            ["Storage:HealthTimeout"] = "00:00:01",
        });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("checks").GetProperty("tableStorage").GetProperty("status").GetString());
        Assert.DoesNotContain(AzuriteFixture.AccountKey, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_is_503_when_the_account_key_is_wrong()
    {
        using var factory = HandlerFactory.Standalone(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString.Replace(AzuriteFixture.AccountKey, Convert.ToBase64String(new byte[64]), StringComparison.Ordinal),
        });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("403", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_forwarded_by_the_functions_host_is_served_at_its_api_path()
    {
        using var factory = HandlerFactory.UnderFunctionsHost(new Dictionary<string, string?> { ["Storage:ConnectionString"] = azurite.ConnectionString });
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        request.Headers.Add("x-functions-key", "forwarded-key");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
