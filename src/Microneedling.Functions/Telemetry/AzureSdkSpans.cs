using System.Diagnostics;
using OpenTelemetry;

namespace Microneedling.Functions.Telemetry;

/// <summary>
/// One dependency per call an Azure SDK client makes. Azure.Core records a client method as an
/// operation span (<c>TableClient.AddEntity</c>, source <c>Azure.Data.Tables.TableClient</c>) and
/// each HTTP attempt inside it as a client span (source <see cref="HttpSource"/>); Application
/// Insights stores them as two dependencies of the same call (InProc and Http). The HttpClient
/// instrumentation would add a third under the attempt: the distro filters it, and so does
/// <see cref="IsOutsideAzureCore"/> off the distro, as Azure.Core's diagnostics guide does.
/// This processor keeps the operation span, which names what the app asked for, copies the
/// service's request ids onto it (what a support ticket needs) and leaves the attempt unrecorded,
/// so no exporter sends it. An Azure.Core pipeline used with no operation around it (the ACS
/// email client) keeps its HTTP span: there it is the only one.
/// </summary>
internal sealed class AzureSdkSpans : BaseProcessor<Activity>
{
    public const string HttpSource = "Azure.Core.Http";
    private static readonly string[] Carried = ["az.service_request_id", "az.client_request_id"];

    /// <summary>For the HttpClient instrumentation: false for a request Azure.Core already records.</summary>
    public static bool IsOutsideAzureCore(HttpRequestMessage request) => Activity.Current?.Parent?.Source.Name != HttpSource;

    /// <summary>Runs before the exporters (it is added before them).</summary>
    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Source.Name != HttpSource || data.Parent is not { } operation
            || !operation.Source.Name.StartsWith("Azure.", StringComparison.Ordinal) || operation.Source.Name == HttpSource)
        {
            return;
        }

        foreach (var key in Carried)
        {
            if (data.GetTagItem(key) is { } value)
            {
                operation.SetTag(key, value);
            }
        }

        data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
    }
}
