using System.ComponentModel.DataAnnotations;
using Microneedling.Functions.Api;
using Microneedling.Functions.Bookings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microneedling.Functions.Staff;

public static class StaffEndpoints
{
    public static IEndpointRouteBuilder MapStaffEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapStaffGroup();
        staff.MapGet("/bookings", Day)
            .WithName("StaffBookingsOfDay")
            .WithSummary("Sessions on one clinic day, for all practitioners or one.")
            .ProducesValidationProblem();
        staff.MapPost("/bookings/{bookingId}/sessions/{number:int}/attendance", Attendance)
            .WithName("StaffRecordAttendance")
            .WithSummary("Marks a session attended or a no-show.")
            .AcceptsJsonBody<AttendanceRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Audited("attendance", "bookingId", "number");
        staff.MapPost("/bookings/{bookingId}/cancel", Cancel)
            .WithName("StaffCancelBooking")
            .WithSummary("Cancels sessions on the clinic's side (no cut-off applies).")
            .AcceptsJsonBody<CancelRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Audited("cancel", "bookingId");
        staff.MapPost("/intakes/{intakeId}/clear", (string intakeId, StaffService service, CancellationToken ct) => service.ClearIntakeAsync(intakeId, ct))
            .WithName("StaffClearIntake")
            .WithSummary("Records that a practitioner has seen a patient whose intake needed a consultation: treatment may be booked.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Audited("clear-intake", "intakeId");
        return app;
    }

    internal static Task<Results<Ok<List<StaffSessionView>>, ProblemHttpResult>> Day([Required, DataType(DataType.Date)] string? date, string? practitionerId, StaffService service, CancellationToken ct) =>
        service.DayAsync(date, practitionerId, ct);

    internal static async Task<Results<Ok<BookingView>, ProblemHttpResult>> Attendance(string bookingId, int number, HttpRequest http, StaffService service, CancellationToken ct)
    {
        var (body, _, problem) = await JsonBody.ReadAsync<AttendanceRequest>(http, ct).ConfigureAwait(false);
        return problem ?? await service.AttendanceAsync(bookingId, number, body!, ct).ConfigureAwait(false);
    }

    internal static async Task<Results<Ok<BookingView>, ProblemHttpResult>> Cancel(string bookingId, HttpRequest http, BookingService service, CancellationToken ct)
    {
        var (body, _, problem) = await JsonBody.ReadAsync<CancelRequest>(http, ct).ConfigureAwait(false);
        return problem ?? await service.CancelAsync(bookingId, null, body!, byClinic: true, ct).ConfigureAwait(false);
    }
}
