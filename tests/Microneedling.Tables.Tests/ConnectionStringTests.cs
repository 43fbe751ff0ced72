namespace Microneedling.Tables.Tests;

public class ConnectionStringTests
{
    [Fact]
    public void Development_storage_means_the_well_known_azurite_account()
    {
        var parsed = TableConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), parsed.TableEndpoint);
        Assert.Equal("devstoreaccount1", parsed.Credential!.AccountName);
    }

    [Fact]
    public void An_explicit_table_endpoint_wins()
    {
        var parsed = TableConnectionString.Parse(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:40123/devstoreaccount1;");

        Assert.Equal(new Uri("http://127.0.0.1:40123/devstoreaccount1"), parsed.TableEndpoint);
    }

    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=clinic;AccountKey=a2V5;EndpointSuffix=core.windows.net", "https://clinic.table.core.windows.net/")]
    [InlineData("AccountName=clinic;AccountKey=a2V5", "https://clinic.table.core.windows.net/")]
    [InlineData("AccountName=clinic;AccountKey=a2V5;EndpointSuffix=core.chinacloudapi.cn", "https://clinic.table.core.chinacloudapi.cn/")]
    public void The_endpoint_is_built_from_account_and_suffix(string connectionString, string expected) =>
        Assert.Equal(new Uri(expected), TableConnectionString.Parse(connectionString).TableEndpoint);

    [Fact]
    public void A_sas_connection_string_carries_the_token_and_no_key()
    {
        var parsed = TableConnectionString.Parse("TableEndpoint=https://clinic.table.core.windows.net;SharedAccessSignature=?sv=2019-02-02&sig=abc");

        Assert.Null(parsed.Credential);
        Assert.Equal("sv=2019-02-02&sig=abc", parsed.SharedAccessSignature);
    }

    [Theory]
    [InlineData("AccountName=clinic")]
    [InlineData("AccountKey=a2V5")]
    [InlineData("just-a-secret-value")]
    [InlineData("AccountName=clinic;AccountKey=not base64!")]
    public void Incomplete_or_malformed_strings_are_refused_without_echoing_secrets(string connectionString)
    {
        var error = Assert.ThrowsAny<Exception>(() => TableConnectionString.Parse(connectionString));

        Assert.True(error is FormatException or ArgumentException);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not base64!", error.Message, StringComparison.Ordinal);
    }
}
