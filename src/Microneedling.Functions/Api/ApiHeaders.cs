namespace Microneedling.Functions.Api;

/// <summary>The request headers of the public API, allowed through CORS for clinic websites.</summary>
public static class ApiHeaders
{
    public const string IdempotencyKey = "Idempotency-Key";
    public const string ManageToken = "X-Manage-Token";
    public const string IntakeToken = "X-Intake-Token";
}
