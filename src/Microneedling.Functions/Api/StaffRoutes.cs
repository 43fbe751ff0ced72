using Microneedling.Functions.Hosting.FunctionFolders;

namespace Microneedling.Functions.Api;

public static class StaffRoutes
{
    /// <summary>
    /// The staff route group: function-level key under the host, the same key check standalone, and
    /// the audit trail for the endpoints marked <see cref="StaffAudit.Audited"/>. Not
    /// under /api/admin: the Functions host reserves routes beginning with "admin" or "runtime".
    /// </summary>
    public static RouteGroupBuilder MapStaffGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/staff").WithTags("Staff")
            .WithMetadata(new FunctionAuthLevelMetadata(FunctionAuthLevel.Function))
            .AddEndpointFilter<StaffKeyFilter>()
            .AddEndpointFilter<StaffAuditFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
