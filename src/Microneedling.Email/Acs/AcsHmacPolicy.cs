using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Microneedling.Email.Acs;

/// <summary>
/// ACS HMAC-SHA256 authentication, signed on every attempt (a per-retry policy): the string to
/// sign is <c>VERB\npathAndQuery\ndate;host;contentHash</c>.
/// </summary>
internal sealed class AcsHmacPolicy(byte[] key, TimeProvider clock) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var uri = request.Uri.ToUri();
        var contentHash = ContentHash(request.Content);
        var date = clock.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        var stringToSign = StringToSign(request.Method.Method, uri, date, contentHash);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.SetValue("x-ms-date", date);
        request.Headers.SetValue("x-ms-content-sha256", contentHash);
        request.Headers.SetValue("Authorization", $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}");
    }

    internal static string StringToSign(string verb, Uri uri, string date, string contentHash) =>
        $"{verb}\n{uri.PathAndQuery}\n{date};{uri.Authority};{contentHash}";

    internal static string ContentHash(RequestContent? content)
    {
        using var buffer = new MemoryStream();
        content?.WriteTo(buffer, CancellationToken.None);
        return Convert.ToBase64String(SHA256.HashData(buffer.ToArray()));
    }
}
