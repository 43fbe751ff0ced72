using Microneedling.Functions.Api;

namespace Microneedling.Functions.Intakes;

public static class IntakeEndpoints
{
    public static IEndpointRouteBuilder MapIntakeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").WithTags("Intake")
            .MapPost("/intakes", Submit)
            .WithName("SubmitIntake")
            .WithSummary("Screens intake answers: eligible (with a proposed plan and price), consult, or not eligible now (with reasons and when to ask again).")
            .Accepts<IntakeRequest>("application/json")
            .Produces<IntakeView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(ApiServiceCollectionExtensions.PublicWritesPolicy);
        return app;
    }

    internal static async Task<IResult> Submit(HttpRequest http, IntakeService intakes, CancellationToken ct)
    {
        var (body, _, problem) = await JsonBody.ReadAsync<IntakeRequest>(http, ct).ConfigureAwait(false);
        return problem ?? await intakes.SubmitAsync(body!, ct).ConfigureAwait(false);
    }
}
