using System.Net;
using Microneedling.Testing;

namespace Microneedling.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class RateLimitTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ApiFactory _api = new(azurite, publicWritesPerMinute: 2);

    [Fact]
    public async Task Public_posts_past_the_limit_get_429_with_retry_after()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            last = await _api.PostAsync("/api/intakes", ApiFactory.EligibleIntake());
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("/problems/too-many-requests", ApiFactory.ProblemType(await ApiFactory.JsonAsync(last)));
        using var read = await _api.GetAsync("/api/catalog");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        last.Dispose();
    }

    public void Dispose() => _api.Dispose();
}
