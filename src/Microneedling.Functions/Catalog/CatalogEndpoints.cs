using Microneedling.Domain.Clinics;
using Microneedling.Functions.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microneedling.Functions.Catalog;

public static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").WithTags("Catalog")
            .MapGet("/catalog", GetCatalog)
            .WithName("Catalog")
            .WithSummary("The clinic's services, add-ons, prices, locations and practitioners.");
        return app;
    }

    internal static Ok<CatalogView> GetCatalog(Clinic clinic) => TypedResults.Ok(new CatalogView(
        clinic.Name,
        clinic.TimeZone.Id,
        clinic.Currency,
        [.. clinic.Services.Select(s => new ServiceView(s.Id, s.Name, JsonNames.Kebab(s.Kind.ToString()), (int)s.Duration.TotalMinutes, new MoneyView(s.Price.Amount, s.Price.Currency), s.AddOnIds))],
        [.. clinic.AddOns.Select(a => new AddOnView(a.Id, a.Name, new MoneyView(a.Price.Amount, a.Price.Currency)))],
        [.. clinic.Locations.Select(l => new LocationView(l.Id, l.Name, l.Address))],
        [.. clinic.Practitioners.Select(p => new PractitionerView(p.Id, p.Name, p.ServiceIds, [.. p.WeeklyHours.Select(h => h.LocationId).Distinct()]))],
        new PlanSummaryView(clinic.Plan.Mild.Recommended, clinic.Plan.Moderate.Recommended, clinic.Plan.Severe.Recommended,
            clinic.Plan.MinSpacingWeeks, clinic.Plan.MaxSpacingWeeks, clinic.Plan.MaintenanceIntervalMonths, clinic.Plan.SeriesDiscountPercent)));
}

public sealed record ServiceView(string Id, string Name, string Kind, int DurationMinutes, MoneyView Price, IReadOnlyList<string> AddOnIds);

public sealed record AddOnView(string Id, string Name, MoneyView Price);

public sealed record LocationView(string Id, string Name, string Address);

public sealed record PractitionerView(string Id, string Name, IReadOnlyList<string> ServiceIds, IReadOnlyList<string> LocationIds);

public sealed record PlanSummaryView(int MildSessions, int ModerateSessions, int SevereSessions, int MinSpacingWeeks, int MaxSpacingWeeks, int MaintenanceIntervalMonths, decimal SeriesDiscountPercent);

public sealed record CatalogView(
    string Clinic,
    string TimeZone,
    string Currency,
    IReadOnlyList<ServiceView> Services,
    IReadOnlyList<AddOnView> AddOns,
    IReadOnlyList<LocationView> Locations,
    IReadOnlyList<PractitionerView> Practitioners,
    PlanSummaryView Plans);
