using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microneedling.Domain.Availability;
using Microneedling.Domain.Bookings;
using Microneedling.Domain.Clinics;
using Microneedling.Domain.Common;
using Microneedling.Functions.Api;
using Microneedling.Storage;
using Microneedling.Storage.Bookings;
using Microneedling.Storage.Entities;
using Microneedling.Storage.Idempotency;
using Microneedling.Storage.Intakes;
using NodaTime;
using NodaTime.Extensions;

namespace Microneedling.Functions.Bookings;

/// <summary>
/// Creating, reading, moving and cancelling bookings: every check first (so a refused request
/// stores nothing), then the idempotency record, then the crash-safe workflow.
/// </summary>
public sealed partial class BookingService(
    Clinic clinic,
    ClinicTables tables,
    BookingRepository bookings,
    BookingWorkflow workflow,
    IntakeRepository intakes,
    IdempotencyRepository idempotency,
    ManageTokens tokens,
    TimeProvider clock,
    ILogger<BookingService> logger)
{
    public const string CreateScope = "POST /api/bookings";
    public const int MaxIdempotencyKeyLength = 200;

    public async Task<IResult> CreateAsync(CreateBookingRequest request, byte[] rawBody, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await tables.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var now = clock.GetUtcNow().ToInstant();
        var v = new Validation();
        if (idempotencyKey is { } key && (key.Length is 0 or > MaxIdempotencyKeyLength || key.Any(c => c < 0x21 || c > 0x7E)))
        {
            v.Add("Idempotency-Key", $"must be 1 to {MaxIdempotencyKeyLength} printable ASCII characters.");
        }

        var intakeId = v.Required("intakeId", request.IntakeId, 64);
        var service = Known(v, "serviceId", request.ServiceId, clinic.FindService);
        var location = Known(v, "locationId", request.LocationId, clinic.FindLocation);
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
        var bookingId = NewId("bk");
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
        return TypedResults.Created($"/api/bookings/{bookingId}", BookingViews.Of(clinic, result.Booking!, tokens.Issue(bookingId)));
    }

    /// <summary>The intake and every booking rule; null when the booking may go ahead.</summary>
    private IResult? Check(IntakeEntity? intake, string intakeId, Service service, Location location, List<(string PractitionerId, Instant Start)> sessions, Instant now)
    {
        if (intake is null)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["intakeId"] = ["is not a known intake."] });
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
            rules = RuleResult.All(rules, BookingRules.CheckNoticeAndHorizon(s.Start, now, clinic), Offered(service.Id, location.Id, s.PractitionerId, s.Start, now));
        }

        return rules.IsAllowed ? null : Problems.Rules(StatusCodes.Status422UnprocessableEntity, Distinct(rules));
    }

    public async Task<IResult> GetAsync(string bookingId, string? token, CancellationToken ct)
    {
        var (booking, problem) = await AuthorizedAsync(bookingId, token, ct).ConfigureAwait(false);
        return problem ?? TypedResults.Ok(BookingViews.Of(clinic, booking!));
    }

    public async Task<IResult> RescheduleAsync(string bookingId, int number, string? token, RescheduleRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var v = new Validation();
        var start = v.InstantWithOffset("start", request.Start);
        var practitioner = request.PractitionerId is null ? null : Known(v, "practitionerId", request.PractitionerId, clinic.FindPractitioner);
        if (!v.IsValid)
        {
            return Problems.Validation(v.Errors);
        }

        var (booking, problem) = await AuthorizedAsync(bookingId, token, ct).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var session = booking!.Session(number);
        if (session is null || session.Status != SessionStatus.Booked)
        {
            return Problems.Of(StatusCodes.Status404NotFound, "session-not-found", $"This booking has no active session {number}.");
        }

        var now = clock.GetUtcNow().ToInstant();
        var service = clinic.FindService(booking.Header.ServiceId)!;
        var practitionerId = practitioner?.Id ?? session.PractitionerId;
        var newStart = start!.Value;
        var rules = RuleResult.All(
            BookingRules.CanReschedule(session.Start.ToInstant(), now, clinic.Booking),
            BookingRules.CheckNoticeAndHorizon(newStart, now, clinic),
            Offered(service.Id, booking.Header.LocationId, practitionerId, newStart, now));
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
            return Problems.Rules(StatusCodes.Status422UnprocessableEntity, Distinct(rules));
        }

        var end = newStart + service.Duration;
        var result = await workflow.RescheduleAsync(booking, number, practitionerId, newStart.ToDateTimeOffset(), end.ToDateTimeOffset(),
            (end + service.Buffer).ToDateTimeOffset(), now.ToDateTimeOffset(), ct).ConfigureAwait(false);
        LogChanged(bookingId, "rescheduled", result.Outcome);
        return Written(result);
    }

    public async Task<IResult> CancelAsync(string bookingId, string? token, CancelRequest request, bool byClinic, CancellationToken ct)
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
                return Problems.Rules(StatusCodes.Status422UnprocessableEntity, Distinct(rules));
            }
        }

        var result = await workflow.CancelAsync(booking, [.. numbers], now.ToDateTimeOffset(), ct).ConfigureAwait(false);
        LogChanged(bookingId, byClinic ? "cancelled by the clinic" : "cancelled", result.Outcome);
        return Written(result);
    }

    /// <summary>The booking if the token is its own; an unknown booking and a wrong token answer alike.</summary>
    public async Task<(StoredBooking? Booking, IResult? Problem)> AuthorizedAsync(string bookingId, string? token, CancellationToken ct)
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

    public async Task<(StoredBooking? Booking, IResult? Problem)> ExistingAsync(string bookingId, CancellationToken ct)
    {
        await tables.EnsureCreatedAsync(ct).ConfigureAwait(false);
        var booking = await bookings.GetAsync(bookingId, ct).ConfigureAwait(false);
        return booking?.Header.Status is BookingStatus.Confirmed or BookingStatus.Cancelled
            ? (booking, null)
            : (null, Problems.BookingNotFound());
    }

    private IResult Written(WriteResult result) => result.Outcome switch
    {
        WriteOutcome.Done => TypedResults.Ok(BookingViews.Of(clinic, result.Booking!)),
        WriteOutcome.SlotTaken => Problems.SlotTaken(result.SessionNumber),
        _ => Problems.ChangedMeanwhile(),
    };

    /// <summary>The first response again, from the receipt stored with the booking (the manage token is derived, not stored).</summary>
    private IResult Replay(string bookingId, ReceiptEntity receipt)
    {
        var view = JsonSerializer.Deserialize<BookingView>(receipt.Body, JsonBody.Options)!;
        return TypedResults.Created($"/api/bookings/{bookingId}", view with { ManageToken = tokens.Issue(bookingId) });
    }

    /// <summary>
    /// Whether availability would offer this start with the practitioner free (working hours, step,
    /// notice). Whether another booking holds it is settled by the claim itself, atomically, as a 409.
    /// </summary>
    private RuleResult Offered(string serviceId, string locationId, string practitionerId, Instant start, Instant now) =>
        BookingRules.CheckSlotOffered(clinic, serviceId, locationId, practitionerId, start, now, []);

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
            PartitionKey = bookingId, RowKey = BookingEntity.Row, ServiceId = service.Id, LocationId = location.Id, IntakeId = intakeId,
            PatientName = name, PatientEmail = email, ManageTokenHash = ManageTokens.Hash(tokens.Issue(bookingId)),
            AddOnIds = string.Join(',', addOnIds), SessionCount = sessions.Count, Status = BookingStatus.Confirmed, CreatedAt = now.ToDateTimeOffset(), UpdatedAt = now.ToDateTimeOffset(),
        };
        var rows = sessions.Select((s, i) => new SessionEntity
        {
            PartitionKey = bookingId, RowKey = SessionEntity.RowFor(i + 1), Number = i + 1, PractitionerId = s.PractitionerId,
            Start = s.Start.ToDateTimeOffset(), End = (s.Start + service.Duration).ToDateTimeOffset(),
            BlockedUntil = (s.Start + service.Duration + service.Buffer).ToDateTimeOffset(), Status = SessionStatus.Booked,
        }).ToList();
        return (header, rows);
    }

    private static T? Known<T>(Validation v, string field, string? id, Func<string, T?> find)
        where T : class
    {
        var text = v.Required(field, id, 64);
        if (text.Length == 0)
        {
            return null;
        }

        var found = find(text);
        if (found is null)
        {
            v.Add(field, $"'{text}' is not known at this clinic.");
        }

        return found;
    }

    private static RuleResult Distinct(RuleResult rules) => new([.. rules.Violations.DistinctBy(r => (r.Code, r.Message))]);

    internal static string NewId(string prefix) => prefix + "_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    [LoggerMessage(LogLevel.Information, "Booking {BookingId} created: {ServiceId}, {Sessions} session(s)")]
    private partial void LogCreated(string bookingId, string serviceId, int sessions);

    [LoggerMessage(LogLevel.Information, "Booking {BookingId} {Change}: {Outcome}")]
    private partial void LogChanged(string bookingId, string change, WriteOutcome outcome);
}
