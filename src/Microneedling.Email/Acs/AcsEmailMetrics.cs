using System.Diagnostics.Metrics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Microneedling.Email.Acs;

/// <summary>
/// What the ACS pipeline's retries hide from the caller: how often ACS answered 429 (its quotas are
/// small) and how many requests were attempts after the first. The meter is named
/// <see cref="MeterName"/>; an app exports it by that name. Tags carry the operation only, never a
/// recipient or an Operation-Id.
/// </summary>
public static class AcsEmailMetrics
{
    public const string MeterName = "Microneedling.Email";
    public const string ThrottledName = "microneedling.email.acs.throttled";
    public const string RetriesName = "microneedling.email.acs.retries";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Throttled = Meter.CreateCounter<long>(ThrottledName, "{response}", "ACS answers with 429 Too Many Requests.");
    private static readonly Counter<long> Retries = Meter.CreateCounter<long>(RetriesName, "{request}", "Requests to ACS that were a retry of an earlier attempt.");

    /// <summary>Counts each attempt's answer; placed per retry, so it sees every one.</summary>
    internal sealed class Policy : HttpPipelineSynchronousPolicy
    {
        public override void OnReceivedResponse(HttpMessage message)
        {
            ArgumentNullException.ThrowIfNull(message);
            var operation = KeyValuePair.Create<string, object?>("operation", message.Request.Method == RequestMethod.Get ? "status" : "send");
            if (message.ProcessingContext.RetryNumber > 0)
            {
                Retries.Add(1, operation);
            }

            if (message.Response.Status == 429)
            {
                Throttled.Add(1, operation);
            }
        }
    }
}
