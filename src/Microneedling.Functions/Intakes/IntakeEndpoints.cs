using Microneedling.Functions.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microneedling.Functions.Intakes;

public static class IntakeEndpoints
{
    public static IEndpointRouteBuilder MapIntakeEndpoints(this IEndpointRouteBuilder app)
    {
        var intakes = app.MapGroup("/api/intakes").WithTags("Intake");
        intakes.MapPost("", Submit)
            .WithName("SubmitIntake")
            .WithSummary("Screens intake answers: eligible (with a proposed plan and price), consult, or not eligible now (with reasons and when to ask again).")
            .AcceptsJsonBody<IntakeRequest>()
            .RequirePublicWriteLimit();
        intakes.MapGet("/{intakeId}", Read)
            .WithName("GetIntake")
            .RequireIntakeToken()
            .WithSummary("The screening outcome on record (outcome, finding codes, when to ask again), for the holder of the intake token returned when it was submitted. The answers themselves are never kept.")
;
        return app;
    }

    internal static Task<Results<Ok<IntakeRecordView>, ProblemHttpResult>> Read(string intakeId, HttpRequest http, IntakeService intakes, CancellationToken ct) =>
        intakes.ReadAsync(intakeId, http.Headers.TryGetValue(ApiHeaders.IntakeToken, out var token) ? token.ToString() : null, ct);

    internal static async Task<Results<Created<IntakeView>, ProblemHttpResult>> Submit(HttpRequest http, IntakeService intakes, CancellationToken ct)
    {
        var (body, _, problem) = await JsonBody.ReadAsync<IntakeRequest>(http, ct).ConfigureAwait(false);
        return problem ?? await intakes.SubmitAsync(body!, ct).ConfigureAwait(false);
    }
}
