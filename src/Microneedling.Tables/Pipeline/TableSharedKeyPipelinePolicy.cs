using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Microneedling.Tables.Pipeline;

/// <summary>
/// Signs each attempt with SharedKeyLite (Table service format): it sits among the per-retry
/// policies so a retried request gets a fresh date and signature.
/// </summary>
internal sealed class TableSharedKeyPipelinePolicy(TableSharedKeyCredential credential, TimeProvider clock) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var date = clock.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        message.Request.Headers.SetValue("x-ms-date", date);
        var signature = credential.ComputeSignature(StringToSign(date, message.Request.Uri.ToUri()));
        message.Request.Headers.SetValue("Authorization", $"SharedKeyLite {credential.AccountName}:{signature}");
    }

    internal string StringToSign(string date, Uri uri) => date + "\n" + CanonicalizedResource(uri);

    internal string CanonicalizedResource(Uri uri)
    {
        var path = uri.AbsolutePath.Length > 0 ? uri.AbsolutePath : "/";
        var resource = "/" + credential.AccountName + path;
        return CompValue(uri.Query) is { } comp ? resource + "?comp=" + comp : resource;
    }

    private static string? CompValue(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&'))
        {
            if (pair.StartsWith("comp=", StringComparison.OrdinalIgnoreCase))
            {
                return pair["comp=".Length..];
            }
        }

        return null;
    }
}
