using Microneedling.Functions.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microneedling.Functions.Bookings;

public static class BookingEndpoints
{
    public static IEndpointRouteBuilder MapBookingEndpoints(this IEndpointRouteBuilder app)
    {
        var bookings = app.MapGroup("/api/bookings").WithTags("Bookings");
        bookings.MapPost("", CreateBooking)
            .WithName("CreateBooking")
            .WithSummary("Books one session, or a whole series inside the spacing window. Send an Idempotency-Key to retry safely.")
            .AcceptsJsonBody<CreateBookingRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequirePublicWriteLimit();
        bookings.MapGet("/{bookingId}", GetBooking)
            .WithName("GetBooking")
            .RequireManageToken()
            .WithSummary("A booking, for the holder of its manage token (X-Manage-Token).");
        bookings.MapPost("/{bookingId}/sessions/{number:int}/reschedule", Reschedule)
            .WithName("RescheduleSession")
            .RequireManageToken()
            .WithSummary("Moves one session to another offered time (manage token required).")
            .AcceptsJsonBody<RescheduleRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequirePublicWriteLimit();
        bookings.MapPost("/{bookingId}/cancel", Cancel)
            .WithName("CancelBooking")
            .RequireManageToken()
            .WithSummary("Cancels some or all sessions (manage token required).")
            .AcceptsJsonBody<CancelRequest>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequirePublicWriteLimit();
        bookings.MapGet("/{bookingId}/calendar", Calendar)
            .WithName("BookingCalendar")
            .RequireManageToken()
            .WithSummary("The booking's sessions as an iCalendar file (manage token in X-Manage-Token or ?token=).")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar");
        bookings.MapGet("/{bookingId}/plan-calendar", PlanCalendar)
            .WithName("PlanCalendar")
            .RequireManageToken()
            .WithSummary("The whole treatment plan: booked sessions, the rest with their windows, and maintenance (manage token required).")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar");
        return app;
    }

    internal static async Task<Results<Created<BookingView>, ProblemHttpResult>> CreateBooking(HttpRequest http, BookingCreation creation, CancellationToken ct)
    {
        var (body, raw, problem) = await JsonBody.ReadAsync<CreateBookingRequest>(http, ct).ConfigureAwait(false);
        var key = http.Headers.TryGetValue(ApiHeaders.IdempotencyKey, out var values) ? values.ToString() : null;
        return problem ?? await creation.CreateAsync(body!, raw, key, ct).ConfigureAwait(false);
    }

    internal static Task<Results<Ok<BookingView>, ProblemHttpResult>> GetBooking(string bookingId, HttpRequest http, BookingService service, CancellationToken ct) =>
        service.GetAsync(bookingId, Token(http, allowQuery: false), ct);

    internal static async Task<Results<Ok<BookingView>, ProblemHttpResult>> Reschedule(string bookingId, int number, HttpRequest http, BookingService service, CancellationToken ct)
    {
        var (body, _, problem) = await JsonBody.ReadAsync<RescheduleRequest>(http, ct).ConfigureAwait(false);
        return problem ?? await service.RescheduleAsync(bookingId, number, Token(http, allowQuery: false), body!, ct).ConfigureAwait(false);
    }

    internal static async Task<Results<Ok<BookingView>, ProblemHttpResult>> Cancel(string bookingId, HttpRequest http, BookingService service, CancellationToken ct)
    {
        var (body, _, problem) = await JsonBody.ReadAsync<CancelRequest>(http, ct).ConfigureAwait(false);
        return problem ?? await service.CancelAsync(bookingId, Token(http, allowQuery: false), body!, byClinic: false, ct).ConfigureAwait(false);
    }

    internal static Task<IResult> Calendar(string bookingId, HttpRequest http, BookingCalendarService calendars, CancellationToken ct) =>
        calendars.BookingAsync(bookingId, Token(http, allowQuery: true), ct);

    internal static Task<IResult> PlanCalendar(string bookingId, HttpRequest http, BookingCalendarService calendars, CancellationToken ct) =>
        calendars.PlanAsync(bookingId, Token(http, allowQuery: true), ct);

    /// <summary>The manage token: a header always; a query parameter only for the read-only calendar downloads a link must reach.</summary>
    internal static string? Token(HttpRequest http, bool allowQuery) =>
        http.Headers.TryGetValue(ApiHeaders.ManageToken, out var header) && header.Count > 0 ? header.ToString()
        : allowQuery && http.Query.TryGetValue("token", out var query) ? query.ToString()
        : null;
}
