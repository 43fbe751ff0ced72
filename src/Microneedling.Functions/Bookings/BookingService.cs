using Microneedling.Domain.Bookings;
using Microneedling.Domain.Clinics;
using Microneedling.Domain.Common;
using Microneedling.Functions.Api;
using Microneedling.Functions.PatientLinks;
using Microneedling.Functions.Telemetry;
using Microneedling.Storage.Bookings;
using Microneedling.Storage.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime.Extensions;

namespace Microneedling.Functions.Bookings;

/// <summary>
/// Reading, moving and cancelling existing bookings, by the patient's manage token or by the clinic:
/// every check first (so a refused request changes nothing), then the crash-safe workflow.
/// </summary>
public sealed partial class BookingService(
    Clinic clinic,
    BookingRepository bookings,
    BookingWorkflow workflow,
    ClinicMetrics metrics,
    TimeProvider clock,
    ILogger<BookingService> logger)
{
    public async Task<Results<Ok<BookingView>, ProblemHttpResult>> GetAsync(string bookingId, string? token, CancellationToken ct)
    {
        var (booking, problem) = await AuthorizedAsync(bookingId, token, ct).ConfigureAwait(false);
        return problem is null ? TypedResults.Ok(BookingViews.Of(clinic, booking!)) : problem;
    }

    public async Task<Results<Ok<BookingView>, ProblemHttpResult>> RescheduleAsync(string bookingId, int number, string? token, RescheduleRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var v = new Validation();
        var start = v.InstantWithOffset("start", request.Start);
        var practitioner = request.PractitionerId is null ? null : BookingChecks.Known(v, "practitionerId", request.PractitionerId, clinic.FindPractitioner);
        if (!v.IsValid)
        {
            return Problems.Validation(v.Errors);
        }

        var (booking, session, problem) = await ActiveSessionAsync(bookingId, number, token, ct).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var now = clock.GetUtcNow().ToInstant();
        var service = clinic.FindService(booking!.Header.ServiceId)!;
        var practitionerId = practitioner?.Id ?? session!.PractitionerId;
        var newStart = start!.Value;
        var rules = RuleResult.All(
            BookingRules.CanReschedule(session!.Start.ToInstant(), now, clinic.Booking),
            BookingRules.CheckNoticeAndHorizon(newStart, now, clinic),
            BookingChecks.Offered(clinic, service.Id, booking.Header.LocationId, practitionerId, newStart, now));
        if (service.Kind == ServiceKind.Microneedling)
        {
            var newDate = newStart.InZone(clinic.TimeZone).Date;
            var active = booking.Sessions.Where(s => s.Status != SessionStatus.Cancelled).ToList();
            if (active.LastOrDefault(s => s.Number < number) is { } previous)
            {
                rules = RuleResult.All(rules, BookingRules.CheckSpacing(previous.Start.ToInstant().InZone(clinic.TimeZone).Date, newDate, clinic.Plan));
            }

            if (active.FirstOrDefault(s => s.Number > number) is { } next)
            {
                rules = RuleResult.All(rules, BookingRules.CheckSpacing(newDate, next.Start.ToInstant().InZone(clinic.TimeZone).Date, clinic.Plan));
            }
        }

        if (!rules.IsAllowed)
        {
            return Problems.Rules(StatusCodes.Status422UnprocessableEntity, BookingChecks.Distinct(rules));
        }

        var end = newStart + service.Duration;
        var result = await workflow.RescheduleAsync(booking, number, practitionerId, newStart.ToDateTimeOffset(), end.ToDateTimeOffset(),
            (end + service.Buffer).ToDateTimeOffset(), now.ToDateTimeOffset(), ct).ConfigureAwait(false);
        LogChanged(bookingId, "rescheduled", result.Outcome);
        metrics.BookingChanged("rescheduled", result.Outcome, byClinic: false);
        return Written(result);
    }

    public async Task<Results<Ok<BookingView>, ProblemHttpResult>> CancelAsync(string bookingId, string? token, CancelRequest request, bool byClinic, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (booking, problem) = byClinic
            ? await ExistingAsync(bookingId, ct).ConfigureAwait(false)
            : await AuthorizedAsync(bookingId, token, ct).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var active = booking!.Sessions.Where(s => s.Status == SessionStatus.Booked).ToList();
        var numbers = request.SessionNumbers ?? [.. active.Select(s => s.Number)];
        var v = new Validation();
        for (var i = 0; i < numbers.Count; i++)
        {
            if (active.All(s => s.Number != numbers[i]))
            {
                v.Add($"sessionNumbers[{i}]", $"session {numbers[i]} is not an active session of this booking.");
            }
        }

        if (numbers.Count == 0)
        {
            v.Add("sessionNumbers", "there is no active session to cancel.");
        }

        if (!v.IsValid)
        {
            return Problems.Validation(v.Errors);
        }

        var now = clock.GetUtcNow().ToInstant();
        if (!byClinic)
        {
            var rules = RuleResult.All([.. active.Where(s => numbers.Contains(s.Number)).Select(s => BookingRules.CanCancel(s.Start.ToInstant(), now, clinic.Booking))]);
            if (!rules.IsAllowed)
            {
                return Problems.Rules(StatusCodes.Status422UnprocessableEntity, BookingChecks.Distinct(rules));
            }
        }

        var result = await workflow.CancelAsync(booking, [.. numbers], now.ToDateTimeOffset(), ct).ConfigureAwait(false);
        LogChanged(bookingId, byClinic ? "cancelled by the clinic" : "cancelled", result.Outcome);
        metrics.BookingChanged("cancelled", result.Outcome, byClinic);
        return Written(result);
    }

    /// <summary>The booking and its session <paramref name="number"/> if the token is the booking's and the session is still booked.</summary>
    public async Task<(StoredBooking? Booking, SessionEntity? Session, ProblemHttpResult? Problem)> ActiveSessionAsync(string bookingId, int number, string? token, CancellationToken ct)
    {
        var (booking, problem) = await AuthorizedAsync(bookingId, token, ct).ConfigureAwait(false);
        if (problem is not null)
        {
            return (null, null, problem);
        }

        var session = booking!.Session(number);
        return session is null || session.Status != SessionStatus.Booked
            ? (null, null, Problems.Of(StatusCodes.Status404NotFound, "session-not-found", $"This booking has no active session {number}."))
            : (booking, session, null);
    }

    /// <summary>The booking if the token is its own; an unknown booking and a wrong token answer alike.</summary>
    public async Task<(StoredBooking? Booking, ProblemHttpResult? Problem)> AuthorizedAsync(string bookingId, string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, Problems.ManageTokenMissing());
        }

        var (booking, problem) = await ExistingAsync(bookingId, ct).ConfigureAwait(false);
        return booking is not null && ManageTokens.Matches(token, booking.Header.ManageTokenHash)
            ? (booking, null)
            : (null, problem ?? Problems.BookingNotFound());
    }

    public async Task<(StoredBooking? Booking, ProblemHttpResult? Problem)> ExistingAsync(string bookingId, CancellationToken ct)
    {
        var booking = await bookings.GetAsync(bookingId, ct).ConfigureAwait(false);
        return booking?.Header.Status is BookingStatus.Confirmed or BookingStatus.Cancelled
            ? (booking, null)
            : (null, Problems.BookingNotFound());
    }

    private Results<Ok<BookingView>, ProblemHttpResult> Written(WriteResult result) => result.Outcome switch
    {
        WriteOutcome.Done => TypedResults.Ok(BookingViews.Of(clinic, result.Booking!)),
        WriteOutcome.SlotTaken => Problems.SlotTaken(result.SessionNumber),
        _ => Problems.ChangedMeanwhile(),
    };

    [LoggerMessage(LogLevel.Information, "Booking {BookingId} {Change}: {Outcome}")]
    private partial void LogChanged(string bookingId, string change, WriteOutcome outcome);
}
