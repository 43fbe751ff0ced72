using Azure;
using Microneedling.Testing;

namespace Microneedling.Tables.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class AuthenticationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Azurite_accepts_our_signature_and_refuses_a_wrong_key()
    {
        var good = new TableServiceClient(azurite.TableEndpoint, new TableSharedKeyCredential(AzuriteFixture.AccountName, AzuriteFixture.AccountKey));
        var wrongKey = new TableServiceClient(azurite.TableEndpoint, new TableSharedKeyCredential(AzuriteFixture.AccountName, Convert.ToBase64String(new byte[64])));

        var created = await good.CreateTableIfNotExistsAsync("authcheck");
        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => wrongKey.CreateTableIfNotExistsAsync("authcheck2"));

        Assert.InRange(created.Status, 201, 409);
        Assert.Equal(403, refused.Status);
        Assert.Equal("AuthorizationFailure", refused.ErrorCode);
    }
}
