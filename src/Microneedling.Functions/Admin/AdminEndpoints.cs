using System.ComponentModel.DataAnnotations;
using Microneedling.Functions.Api;
using Microneedling.Functions.Bookings;
using Microneedling.Functions.FunctionMetadata;

namespace Microneedling.Functions.Admin;

public static class AdminEndpoints
{
    /// <summary>
    /// The staff route group: function-level key under the host, the same key check standalone. Not
    /// under /api/admin: the Functions host reserves routes beginning with "admin" or "runtime".
    /// </summary>
    public static RouteGroupBuilder MapAdminGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/staff").WithTags("Staff")
            .WithMetadata(new FunctionAuthLevelMetadata(FunctionAuthLevel.Function))
            .AddEndpointFilter<AdminKeyFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapAdminGroup();
        admin.MapGet("/bookings", Day)
            .WithName("StaffBookingsOfDay")
            .WithSummary("Sessions on one clinic day, for all practitioners or one.")
            .Produces<List<AdminSessionView>>()
            .ProducesValidationProblem();
        admin.MapPost("/bookings/{bookingId}/sessions/{number:int}/attendance", Attendance)
            .WithName("StaffRecordAttendance")
            .WithSummary("Marks a session attended or a no-show.")
            .AcceptsJsonBody<AttendanceRequest>()
            .Produces<BookingView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/bookings/{bookingId}/cancel", Cancel)
            .WithName("StaffCancelBooking")
            .WithSummary("Cancels sessions on the clinic's side (no cut-off applies).")
            .AcceptsJsonBody<CancelRequest>()
            .Produces<BookingView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/intakes/{intakeId}/clear", (string intakeId, AdminService service, CancellationToken ct) => service.ClearIntakeAsync(intakeId, ct))
            .WithName("StaffClearIntake")
            .WithSummary("Records that a practitioner has seen a patient whose intake needed a consultation: treatment may be booked.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static Task<IResult> Day([Required, DataType(DataType.Date)] string? date, string? practitionerId, AdminService service, CancellationToken ct) =>
        service.DayAsync(date, practitionerId, ct);

    internal static async Task<IResult> Attendance(string bookingId, int number, HttpRequest http, AdminService service, CancellationToken ct)
    {
        var (body, _, problem) = await JsonBody.ReadAsync<AttendanceRequest>(http, ct).ConfigureAwait(false);
        return problem ?? await service.AttendanceAsync(bookingId, number, body!, ct).ConfigureAwait(false);
    }

    internal static async Task<IResult> Cancel(string bookingId, HttpRequest http, BookingService service, CancellationToken ct)
    {
        var (body, _, problem) = await JsonBody.ReadAsync<CancelRequest>(http, ct).ConfigureAwait(false);
        return problem ?? await service.CancelAsync(bookingId, null, body!, byClinic: true, ct).ConfigureAwait(false);
    }
}
