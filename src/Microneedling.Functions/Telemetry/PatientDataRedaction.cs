using System.Diagnostics;
using System.Text.RegularExpressions;
using Microneedling.Functions.Hosting;
using OpenTelemetry;

namespace Microneedling.Functions.Telemetry;

/// <summary>
/// Keeps patient links and keys out of spans. Request paths carry unsubscribe tokens
/// (<c>/unsubscribe/{hash}/{token}</c>) and calendar downloads take <c>?token=</c>, so a request
/// span records its route's template, never the path or the query. Table URLs name entities by
/// key, and the opt-out table's key is a hash of the patient's address, so a dependency span keeps
/// the table and the operation but not the keys. The Functions host's readiness pings (<c>GET /</c>
/// every 25 ms while it starts) are not traced.
/// </summary>
internal sealed partial class PatientDataRedaction : BaseProcessor<Activity>
{
    public static bool IsTraced(HttpContext context) => !CustomHandlerHostingExtensions.IsReadinessPing(context.Request);

    public static void RouteInsteadOfPath(Activity activity, HttpResponse response)
    {
        var route = (response.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        activity.SetTag("url.path", route is null ? "(no route)" : "/" + route.Trim('/'));
        activity.SetTag("url.query", null);
    }

    /// <summary>Runs before the exporters (it is added first), so they see the redacted URL.</summary>
    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Kind == ActivityKind.Client && data.GetTagItem("url.full") is string url && url.Contains('(', StringComparison.Ordinal))
        {
            data.SetTag("url.full", EntityKeys().Replace(url, "$1=''"));
        }
    }

    [GeneratedRegex(@"(PartitionKey|RowKey)=('(?:[^']|'')*'|%27.*?%27)")]
    private static partial Regex EntityKeys();
}
