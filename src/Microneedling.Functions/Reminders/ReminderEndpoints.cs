using Microneedling.Functions.Api;
using Microneedling.Functions.Bookings;
using Microneedling.Functions.PatientLinks;
using Microneedling.Storage.OptOuts;
using Microneedling.Storage.Reminders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microneedling.Functions.Reminders;

public sealed record EmailRecordView(string Kind, int SessionNumber, Guid OperationId, string Outcome, string? Detail, DateTimeOffset At, int Attempts);

public static class ReminderEndpoints
{
    public static IEndpointRouteBuilder MapReminderEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").WithTags("Bookings")
            .MapPost("/unsubscribe/{addressHash}/{token}", Unsubscribe)
            .WithName("Unsubscribe")
            .WithSummary("Stops the optional emails (rebooking, maintenance) for one address; the link in those emails, and their one-click List-Unsubscribe target.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequirePublicWriteLimit();
        app.MapStaffGroup()
            .MapGet("/bookings/{bookingId}/emails", Emails)
            .WithName("StaffBookingEmails")
            .WithSummary("What became of each email of a booking: sent (with its ACS operation id), skipped and why, or failed.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Unsubscribe(string addressHash, string token, UnsubscribeTokens unsubscribes, OptOutRepository optOuts, TimeProvider clock, CancellationToken ct)
    {
        if (!unsubscribes.Verify(addressHash, token))
        {
            return Problems.Of(StatusCodes.Status404NotFound, "unsubscribe-link-invalid", "This unsubscribe link is not valid.");
        }

        await optOuts.AddAsync(addressHash, clock.GetUtcNow(), ct).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<List<EmailRecordView>>, ProblemHttpResult>> Emails(string bookingId, BookingService bookings, EmailLog emailLog, CancellationToken ct)
    {
        var (booking, problem) = await bookings.ExistingAsync(bookingId, ct).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var records = await emailLog.OfBookingAsync(booking!.Header.Id, ct).ConfigureAwait(false);
        return TypedResults.Ok(records.OrderBy(r => r.At).Select(r => new EmailRecordView(JsonNames.Kebab(r.Kind.ToString()), r.SessionNumber, r.OperationId,
            JsonNames.Kebab(r.Outcome.ToString()), r.Detail, r.At, r.Attempts)).ToList());
    }
}
