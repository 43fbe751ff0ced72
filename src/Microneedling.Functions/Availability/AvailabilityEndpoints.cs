using Microneedling.Functions.Api;

namespace Microneedling.Functions.Availability;

public static class AvailabilityEndpoints
{
    public static IEndpointRouteBuilder MapAvailabilityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").WithTags("Availability")
            .MapGet("/availability", Find)
            .WithName("Availability")
            .WithSummary("Free start times for a service at a location (optionally one practitioner) between two dates, in the clinic's time zone.")
            .Produces<AvailabilityView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    internal static Task<IResult> Find(string? serviceId, string? locationId, string? practitionerId, string? from, string? to, string? displayTimeZone,
        AvailabilityService availability, CancellationToken ct) =>
        availability.FindAsync(serviceId, locationId, practitionerId, from, to, displayTimeZone, ct);
}
