using Microneedling.Tables.Pipeline;
using Microneedling.Testing;

namespace Microneedling.Tables.Tests;

public class SharedKeyLiteSigningTests
{
    private static readonly TableSharedKeyCredential DevAccount = new(AzuriteFixture.AccountName, AzuriteFixture.AccountKey);

    // Expected signatures computed independently (Python hmac/hashlib) from the same strings to sign.
    [Theory]
    [InlineData("Sat, 21 Nov 2026 10:00:00 GMT\n/devstoreaccount1/devstoreaccount1/Tables", "3nqQ9p/BTYEAxQDBQAhYXku9zXZXQk23VKpTh2xE11g=")]
    [InlineData("Sat, 21 Nov 2026 10:00:00 GMT\n/devstoreaccount1/devstoreaccount1/people(PartitionKey='O''Brien',RowKey='%C3%A9t%C3%A9')", "/h5C8nGGho5yADvl/d1oJM1Zg7au2QWGLZKoMEWjQNY=")]
    [InlineData("Sun, 01 Mar 2026 09:30:15 GMT\n/devstoreaccount1/?comp=properties", "VhyFX4ETZ5ZVYn7s5jRJzoUKbhgx7WLyd3wUpFp3fTo=")]
    public void Signature_matches_known_vectors(string stringToSign, string expected) =>
        Assert.Equal(expected, DevAccount.ComputeSignature(stringToSign));

    [Theory]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1/Tables", "/devstoreaccount1/devstoreaccount1/Tables")]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1/people()?$filter=a%20eq%201&$top=5", "/devstoreaccount1/devstoreaccount1/people()")]
    [InlineData("https://devstoreaccount1.table.core.windows.net/?restype=service&comp=properties", "/devstoreaccount1/?comp=properties")]
    [InlineData("https://devstoreaccount1.table.core.windows.net/people(PartitionKey='a%20b',RowKey='%C3%A9')", "/devstoreaccount1/people(PartitionKey='a%20b',RowKey='%C3%A9')")]
    public void Canonicalized_resource_is_account_plus_escaped_path_plus_comp_only(string url, string expected)
    {
        var policy = new TableSharedKeyPipelinePolicy(DevAccount, TimeProvider.System);

        Assert.Equal(expected, policy.CanonicalizedResource(new Uri(url)));
    }

    [Fact]
    public void String_to_sign_is_date_newline_resource()
    {
        var policy = new TableSharedKeyPipelinePolicy(DevAccount, TimeProvider.System);

        Assert.Equal(
            "Sat, 21 Nov 2026 10:00:00 GMT\n/devstoreaccount1/devstoreaccount1/Tables",
            policy.StringToSign("Sat, 21 Nov 2026 10:00:00 GMT", new Uri("http://127.0.0.1:10002/devstoreaccount1/Tables")));
    }
}
