using System.ComponentModel.DataAnnotations;
using Microneedling.Functions.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microneedling.Functions.Availability;

public static class AvailabilityEndpoints
{
    public static IEndpointRouteBuilder MapAvailabilityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").WithTags("Availability")
            .MapGet("/availability", Find)
            .WithName("Availability")
            .WithSummary("Free start times for a service at a location (optionally one practitioner) between two dates, in the clinic's time zone.")
            .ProducesValidationProblem();
        return app;
    }

    // Nullable so that a missing parameter is listed with the others as a validation problem;
    // [Required] tells the OpenAPI document.
    internal static Task<Results<Ok<AvailabilityView>, ProblemHttpResult>> Find(
        [Required] string? serviceId,
        [Required] string? locationId,
        string? practitionerId,
        [Required, DataType(DataType.Date)] string? from,
        [Required, DataType(DataType.Date)] string? to,
        string? displayTimeZone,
        AvailabilityService availability,
        CancellationToken ct) =>
        availability.FindAsync(serviceId, locationId, practitionerId, from, to, displayTimeZone, ct);
}
