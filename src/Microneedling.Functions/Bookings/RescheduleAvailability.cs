using System.ComponentModel.DataAnnotations;
using Microneedling.Domain.Availability;
using Microneedling.Domain.Bookings;
using Microneedling.Domain.Clinics;
using Microneedling.Functions.Api;
using Microneedling.Functions.Availability;
using Microneedling.Storage.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Extensions;

namespace Microneedling.Functions.Bookings;

/// <summary>The dates a session may move to (spacing window, notice, horizon) and the free times in them.</summary>
public sealed record RescheduleAvailabilityView(
    string TimeZone,
    int SessionNumber,
    [property: DataType(DataType.Date)] string Earliest,
    [property: DataType(DataType.Date)] string Latest,
    [property: DataType(DataType.Date)] string From,
    [property: DataType(DataType.Date)] string To,
    IReadOnlyList<SlotView> Slots);

/// <summary>
/// Free times for moving one session of a booking: only times the reschedule itself would accept,
/// so a patient is never offered a time that is then refused. Needs the manage token.
/// </summary>
public static class RescheduleAvailability
{
    /// <summary>How many days one answer covers when the caller names no range.</summary>
    public const int DefaultDays = 28;

    public static IEndpointRouteBuilder MapRescheduleAvailabilityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/bookings").WithTags("Bookings")
            .MapGet("/{bookingId}/sessions/{number:int}/availability", Find)
            .WithName("RescheduleAvailability")
            .RequireManageToken()
            .WithSummary("Times one session can move to: inside the spacing window around its neighbours, the notice and the horizon; refused past the reschedule cut-off (manage token required).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    internal static async Task<Results<Ok<RescheduleAvailabilityView>, ProblemHttpResult>> Find(string bookingId, int number, [DataType(DataType.Date)] string? from, [DataType(DataType.Date)] string? to, HttpRequest http, Clinic clinic,
        BookingService bookings, AvailabilityService availability, TimeProvider clock, CancellationToken ct)
    {
        var v = new Validation();
        var first = v.LocalDate("from", from, required: false);
        var last = v.LocalDate("to", to, required: false);
        if (!v.IsValid)
        {
            return Problems.Validation(v.Errors);
        }

        var (booking, session, problem) = await bookings.ActiveSessionAsync(bookingId, number, BookingEndpoints.Token(http, allowQuery: false), ct).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var now = clock.GetUtcNow().ToInstant();
        var cutoff = BookingRules.CanReschedule(session!.Start.ToInstant(), now, clinic.Booking);
        if (!cutoff.IsAllowed)
        {
            return Problems.Rules(StatusCodes.Status422UnprocessableEntity, cutoff);
        }

        var service = clinic.FindService(booking!.Header.ServiceId)!;
        var (earliest, latest) = Window(clinic, service, booking.Sessions, number, now);
        var rangeStart = Max(first ?? earliest, earliest);
        var rangeEnd = Min(last ?? rangeStart.PlusDays(DefaultDays - 1), Min(latest, rangeStart.PlusDays(AvailabilityCalculator.MaxRangeDays - 1)));
        var slots = rangeStart > rangeEnd ? []
            : (await availability.FindAsync(new AvailabilityQuery(service.Id, booking.Header.LocationId, null, rangeStart, rangeEnd), ct).ConfigureAwait(false)).Slots;
        return TypedResults.Ok(new RescheduleAvailabilityView(clinic.TimeZone.Id, number, ClinicTime.Format(earliest), ClinicTime.Format(latest),
            ClinicTime.Format(rangeStart), ClinicTime.Format(rangeEnd),
            [.. slots.Select(s => new SlotView(ClinicTime.Format(clinic, s.Start), ClinicTime.Format(clinic, s.End), s.PractitionerId, clinic.FindPractitioner(s.PractitionerId)!.Name, null))]));
    }

    /// <summary>The clinic dates session <paramref name="number"/> may move to: from today to the horizon, and for treatment inside the spacing window after the session before it and before the one after.</summary>
    public static (LocalDate Earliest, LocalDate Latest) Window(Clinic clinic, Service service, IReadOnlyList<SessionEntity> sessions, int number, Instant now)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(sessions);
        var today = now.InZone(clinic.TimeZone).Date;
        var (earliest, latest) = (today, today.PlusDays(clinic.Booking.HorizonDays));
        if (service.Kind == ServiceKind.Microneedling)
        {
            var active = sessions.Where(s => s.Status != SessionStatus.Cancelled).ToList();
            LocalDate DateOf(SessionEntity s) => s.Start.ToInstant().InZone(clinic.TimeZone).Date;
            if (active.LastOrDefault(s => s.Number < number) is { } previous)
            {
                earliest = Max(earliest, DateOf(previous).PlusWeeks(clinic.Plan.MinSpacingWeeks));
                latest = Min(latest, DateOf(previous).PlusWeeks(clinic.Plan.MaxSpacingWeeks));
            }

            if (active.FirstOrDefault(s => s.Number > number) is { } next)
            {
                earliest = Max(earliest, DateOf(next).PlusWeeks(-clinic.Plan.MaxSpacingWeeks));
                latest = Min(latest, DateOf(next).PlusWeeks(-clinic.Plan.MinSpacingWeeks));
            }
        }

        return (earliest, latest);
    }

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;

    private static LocalDate Min(LocalDate a, LocalDate b) => a < b ? a : b;
}
