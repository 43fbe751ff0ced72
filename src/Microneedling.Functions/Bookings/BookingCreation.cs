using System.Security.Cryptography;
using System.Text.Json;
using Microneedling.Domain.Bookings;
using Microneedling.Domain.Clinics;
using Microneedling.Domain.Common;
using Microneedling.Functions.Api;
using Microneedling.Functions.PatientLinks;
using Microneedling.Functions.Telemetry;
using Microneedling.Storage.Bookings;
using Microneedling.Storage.Entities;
using Microneedling.Storage.Idempotency;
using Microneedling.Storage.Intakes;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Extensions;

namespace Microneedling.Functions.Bookings;

/// <summary>
/// Creating a booking of one session or a series: every check first (so a refused request stores
/// nothing), then the Idempotency-Key record, then the crash-safe workflow.
/// </summary>
public sealed partial class BookingCreation(
    Clinic clinic,
    BookingRepository bookings,
    BookingWorkflow workflow,
    IntakeRepository intakes,
    IdempotencyRepository idempotency,
    ManageTokens tokens,
    ClinicMetrics metrics,
    TimeProvider clock,
    ILogger<BookingCreation> logger)
{
    public const string CreateScope = "POST /api/bookings";
    public const int MaxIdempotencyKeyLength = 200;

    public async Task<Results<Created<BookingView>, ProblemHttpResult>> CreateAsync(CreateBookingRequest request, byte[] rawBody, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow().ToInstant();
        var v = new Validation();
        if (idempotencyKey is { } key && (key.Length is 0 or > MaxIdempotencyKeyLength || key.Any(c => c < 0x21 || c > 0x7E)))
        {
            v.Add("Idempotency-Key", $"must be 1 to {MaxIdempotencyKeyLength} printable ASCII characters.");
        }

        var intakeId = v.Required("intakeId", request.IntakeId, 64);
        var service = BookingChecks.Known(v, "serviceId", request.ServiceId, clinic.FindService);
        var location = BookingChecks.Known(v, "locationId", request.LocationId, clinic.FindLocation);
        var addOnIds = request.AddOnIds ?? [];
        for (var i = 0; i < addOnIds.Count; i++)
        {
            if (service is not null && !service.AddOnIds.Contains(addOnIds[i]))
            {
                v.Add($"addOnIds[{i}]", $"'{addOnIds[i]}' is not an add-on of this service.");
            }
        }

        var name = v.Required("patient.name", request.Patient?.Name, 100);
        var email = v.Email("patient.email", request.Patient?.Email);
        var sessions = ReadSessions(v, request.Sessions);
        if (!v.IsValid)
        {
            return Problems.Validation(v.Errors);
        }

        // The key is claimed before anything that depends on stored state is judged, so a retry is
        // answered as the first request was even though that request has since changed the state.
        // The intake is read meanwhile: reading changes nothing.
        var intakeRead = intakes.GetAsync(intakeId, ct);
        var bookingId = ResourceIds.New("bk");
        var started = idempotencyKey is null ? null
            : await idempotency.BeginAsync(CreateScope, idempotencyKey, Convert.ToHexString(SHA256.HashData(rawBody)), bookingId, now.ToDateTimeOffset(), ct).ConfigureAwait(false);
        var intake = await intakeRead.ConfigureAwait(false);
        if (started?.Decision == IdempotencyDecision.Mismatch)
        {
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "This Idempotency-Key was used with a different request body.");
        }

        bookingId = started?.Record.ResourceId ?? bookingId;
        if (started?.Decision == IdempotencyDecision.Repeat && await bookings.GetReceiptAsync(bookingId, ct).ConfigureAwait(false) is { } receipt)
        {
            return Replay(bookingId, receipt);
        }

        var record = started?.Record;
        var refused = Check(intake, intakeId, service!, location!, sessions, now);
        if (refused is not null)
        {
            if (record is not null)
            {
                await idempotency.ForgetAsync(record, ct).ConfigureAwait(false);
            }

            return refused;
        }

        var (header, rows) = Entities(bookingId, service!, location!, intakeId, addOnIds, name, email, sessions, now);
        var created = record is null ? null : new ReceiptEntity { Body = JsonSerializer.Serialize(BookingViews.Of(clinic, new StoredBooking(header, rows)), JsonBody.Options) };
        var result = await workflow.CreateAsync(header, rows, created, ct).ConfigureAwait(false);
        if (result.Outcome != WriteOutcome.Done)
        {
            if (record is not null)
            {
                await idempotency.ForgetAsync(record, ct).ConfigureAwait(false);
            }

            return result.Outcome == WriteOutcome.SlotTaken ? Problems.SlotTaken(result.SessionNumber) : Problems.ChangedMeanwhile();
        }

        LogCreated(bookingId, service!.Id, rows.Count);
        metrics.BookingCreated(service.Kind);
        return TypedResults.Created($"/api/bookings/{bookingId}", BookingViews.Of(clinic, result.Booking!, tokens.Issue(bookingId)));
    }

    /// <summary>The intake and every booking rule; null when the booking may go ahead.</summary>
    private ProblemHttpResult? Check(IntakeEntity? intake, string intakeId, Service service, Location location, List<(string PractitionerId, Instant Start)> sessions, Instant now)
    {
        if (intake is null)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["intakeId"] = ["is not a known intake."] });
        }

        if (intake.AnswersRemovedAt is not null)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["intakeId"] = ["has expired (its answers are no longer kept); submit a new intake."] });
        }

        var rules = BookingRules.CanBookService(service, intake.Outcome, intake.ClearedByPractitioner);
        if (service.Kind == ServiceKind.Consultation && sessions.Count > 1)
        {
            rules = RuleResult.All(rules, RuleResult.Refused("one-consultation", "A consultation is booked one session at a time."));
        }
        else if (service.Kind == ServiceKind.Microneedling)
        {
            var dates = sessions.Select(s => s.Start.InZone(clinic.TimeZone).Date).ToList();
            rules = RuleResult.All(rules, BookingRules.CheckSeries(dates, clinic.Plan.For(intake.Severity), clinic.Plan));
        }

        foreach (var s in sessions)
        {
            rules = RuleResult.All(rules, BookingRules.CheckNoticeAndHorizon(s.Start, now, clinic), BookingChecks.Offered(clinic, service.Id, location.Id, s.PractitionerId, s.Start, now));
        }

        return rules.IsAllowed ? null : Problems.Rules(StatusCodes.Status422UnprocessableEntity, BookingChecks.Distinct(rules));
    }

    /// <summary>The first response again, from the receipt stored with the booking (the manage token is derived, not stored).</summary>
    private Created<BookingView> Replay(string bookingId, ReceiptEntity receipt)
    {
        var view = JsonSerializer.Deserialize<BookingView>(receipt.Body, JsonBody.Options)!;
        return TypedResults.Created($"/api/bookings/{bookingId}", view with { ManageToken = tokens.Issue(bookingId) });
    }

    private static List<(string PractitionerId, Instant Start)> ReadSessions(Validation v, IReadOnlyList<SessionRequest>? requested)
    {
        var sessions = new List<(string, Instant)>();
        if (requested is null || requested.Count == 0)
        {
            v.Add("sessions", "needs at least one session.");
            return sessions;
        }

        if (requested.Count > 12)
        {
            v.Add("sessions", "has more sessions than any plan allows.");
            return sessions;
        }

        for (var i = 0; i < requested.Count; i++)
        {
            var practitioner = v.Required($"sessions[{i}].practitionerId", requested[i].PractitionerId, 64);
            var start = v.InstantWithOffset($"sessions[{i}].start", requested[i].Start);
            if (start is { } s)
            {
                sessions.Add((practitioner, s));
            }
        }

        for (var i = 1; i < sessions.Count; i++)
        {
            if (sessions[i].Item2 <= sessions[i - 1].Item2)
            {
                v.Add($"sessions[{i}].start", "sessions must be in time order.");
            }
        }

        return sessions;
    }

    private (BookingEntity Header, List<SessionEntity> Sessions) Entities(string bookingId, Service service, Location location, string intakeId,
        IReadOnlyList<string> addOnIds, string name, string email, List<(string PractitionerId, Instant Start)> sessions, Instant now)
    {
        var header = new BookingEntity
        {
            Id = bookingId, ServiceId = service.Id, LocationId = location.Id, IntakeId = intakeId,
            PatientName = name, PatientEmail = email, ManageTokenHash = ManageTokens.Hash(tokens.Issue(bookingId)),
            AddOnIds = string.Join(',', addOnIds), SessionCount = sessions.Count, Status = BookingStatus.Confirmed, CreatedAt = now.ToDateTimeOffset(), UpdatedAt = now.ToDateTimeOffset(),
        };
        var rows = sessions.Select((s, i) => new SessionEntity
        {
            Number = i + 1, PractitionerId = s.PractitionerId,
            Start = s.Start.ToDateTimeOffset(), End = (s.Start + service.Duration).ToDateTimeOffset(),
            BlockedUntil = (s.Start + service.Duration + service.Buffer).ToDateTimeOffset(), Status = SessionStatus.Booked,
        }).ToList();
        return (header, rows);
    }

    [LoggerMessage(LogLevel.Information, "Booking {BookingId} created: {ServiceId}, {Sessions} session(s)")]
    private partial void LogCreated(string bookingId, string serviceId, int sessions);
}
