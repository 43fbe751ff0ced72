using System.Diagnostics;

namespace Microneedling.Functions.Telemetry;

/// <summary>
/// Keeps patient links out of request spans: paths carry unsubscribe tokens
/// (<c>/unsubscribe/{hash}/{token}</c>) and calendar downloads take <c>?token=</c>, so a request
/// span records the route's template, never the path or the query. The Functions host's readiness
/// pings (<c>GET /</c> every 25 ms while it starts) are not traced.
/// </summary>
internal static class PatientDataRedaction
{
    public static bool IsTraced(HttpContext context) => !(context.Request.Path == "/" && HttpMethods.IsGet(context.Request.Method));

    public static void RouteInsteadOfPath(Activity activity, HttpResponse response)
    {
        var route = (response.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        activity.SetTag("url.path", route is null ? "(no route)" : "/" + route.TrimStart('/'));
        activity.SetTag("url.query", null);
    }
}
