using System.Net;
using Azure.Core;

namespace Microneedling.Testing;

/// <summary>A token credential that hands out a fixed token and remembers the scopes asked for.</summary>
public sealed class RecordingTokenCredential(string token) : TokenCredential
{
    public List<string> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Scopes.AddRange(requestContext.Scopes);
        return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}

/// <summary>An HTTP handler that answers every request alike and remembers the last one's URL and Authorization.</summary>
public sealed class CapturingHandler(HttpStatusCode status, string body = "") : HttpMessageHandler
{
    public string? Authorization { get; private set; }

    public string? Url { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Authorization = request.Headers.Authorization?.ToString();
        Url = request.RequestUri?.ToString();
        return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body) });
    }
}
