namespace Microneedling.Functions.Api;

/// <summary>
/// Conventions that add an endpoint's behaviour and the answers it brings in one call, so the
/// OpenAPI document lists every status the server can give.
/// </summary>
public static class EndpointConventions
{
    /// <summary>A JSON body read by <see cref="JsonBody"/>: 400 (invalid fields), 413 (too large), 415 (not JSON).</summary>
    public static RouteHandlerBuilder AcceptsJsonBody<T>(this RouteHandlerBuilder builder)
        where T : IRequestBody =>
        builder.Accepts<T>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>Counts against the per-address limit of public writes: 429 with Retry-After.</summary>
    public static RouteHandlerBuilder RequirePublicWriteLimit(this RouteHandlerBuilder builder) =>
        builder.RequireRateLimiting(PublicWriteLimits.Policy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>Needs the booking's manage token: 401 without one, 404 for a wrong one or an unknown booking.</summary>
    public static RouteHandlerBuilder RequireManageToken(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new ManageTokenRequiredMetadata())
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>Needs the intake's token: 401 without one, 404 for a wrong one or an unknown intake.</summary>
    public static RouteHandlerBuilder RequireIntakeToken(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new IntakeTokenRequiredMetadata())
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
