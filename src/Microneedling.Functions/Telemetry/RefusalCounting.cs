using Microneedling.Functions.Api;
using Microsoft.Extensions.Options;

namespace Microneedling.Functions.Telemetry;

/// <summary>
/// Counts every request refused with a problem (4xx) by the function that refused it and the
/// problem's type, where the answer is written: bookings refused by reason are the points of
/// CreateBooking, RescheduleSession and CancelBooking.
/// </summary>
internal sealed class RefusalCounting(ClinicMetrics metrics) : IConfigureOptions<ProblemDetailsOptions>
{
    public void Configure(ProblemDetailsOptions options)
    {
        var earlier = options.CustomizeProblemDetails;
        options.CustomizeProblemDetails = context =>
        {
            earlier?.Invoke(context);
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            if (status is >= 400 and < 500)
            {
                var function = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? "(no function)";
                var type = context.ProblemDetails.Type;
                var reason = type is not null && type.StartsWith(Problems.TypePrefix, StringComparison.Ordinal) ? type[Problems.TypePrefix.Length..] : $"http-{status}";
                metrics.RequestRefused(function, reason, status);
            }
        };
    }
}
