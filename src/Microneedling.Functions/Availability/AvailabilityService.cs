using Microneedling.Domain.Availability;
using Microneedling.Domain.Clinics;
using Microneedling.Functions.Api;
using Microneedling.Storage.Bookings;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Extensions;

namespace Microneedling.Functions.Availability;

/// <summary>Free start times, computed by the domain from the practitioners' stored schedules.</summary>
public sealed class AvailabilityService(Clinic clinic, ScheduleRepository schedule, TimeProvider clock)
{
    public async Task<Results<Ok<AvailabilityView>, ProblemHttpResult>> FindAsync(string? serviceId, string? locationId, string? practitionerId, string? from, string? to, string? displayTimeZone, CancellationToken ct)
    {
        var v = new Validation();
        var service = v.Required("serviceId", serviceId, 64);
        var location = v.Required("locationId", locationId, 64);
        var first = v.LocalDate("from", from);
        var last = v.LocalDate("to", to);
        var display = v.TimeZone("displayTimeZone", displayTimeZone);
        if (!v.IsValid)
        {
            return Problems.Validation(v.Errors);
        }

        var query = new AvailabilityQuery(service, location, practitionerId, first!.Value, last!.Value);
        var rules = AvailabilityCalculator.Check(clinic, query);
        if (!rules.IsAllowed)
        {
            return Problems.Rules(StatusCodes.Status400BadRequest, rules);
        }

        var result = await FindAsync(query, ct).ConfigureAwait(false);
        return TypedResults.Ok(new AvailabilityView(clinic.TimeZone.Id, service, location,
            [.. result.Slots.Select(s => new SlotView(ClinicTime.Format(clinic, s.Start), ClinicTime.Format(clinic, s.End), s.PractitionerId,
                clinic.FindPractitioner(s.PractitionerId)!.Name, display is null ? null : ClinicTime.Format(display, s.Start)))]));
    }

    /// <summary>Free start times for a checked query, from the stored schedules of the practitioners it concerns.</summary>
    public async Task<AvailabilityResult> FindAsync(AvailabilityQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = clock.GetUtcNow().ToInstant();
        var rangeStart = query.From.AtStartOfDayInZone(clinic.TimeZone).ToInstant();
        var rangeEnd = query.To.PlusDays(1).AtStartOfDayInZone(clinic.TimeZone).ToInstant() + Duration.FromHours(12);
        var practitioners = clinic.Practitioners.Where(p => (query.PractitionerId is null || p.Id == query.PractitionerId) && p.Offers(query.ServiceId) && p.WorksAt(query.LocationId));
        var busy = new List<BusyInterval>();
        foreach (var busyOfOne in await Task.WhenAll(practitioners.Select(p => schedule.GetBusyAsync(p.Id, rangeStart, rangeEnd, ct))).ConfigureAwait(false))
        {
            busy.AddRange(busyOfOne);
        }

        return AvailabilityCalculator.Find(clinic, query, now, busy);
    }
}
