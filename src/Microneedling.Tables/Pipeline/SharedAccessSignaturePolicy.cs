using Azure.Core;
using Azure.Core.Pipeline;

namespace Microneedling.Tables.Pipeline;

/// <summary>Appends a SAS token to every request's query.</summary>
internal sealed class SharedAccessSignaturePolicy(string signature) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var uri = message.Request.Uri;
        var query = uri.Query;
        if (!query.Contains(signature, StringComparison.Ordinal))
        {
            uri.Query = string.IsNullOrEmpty(query) || query == "?" ? "?" + signature : query + "&" + signature;
        }
    }
}
