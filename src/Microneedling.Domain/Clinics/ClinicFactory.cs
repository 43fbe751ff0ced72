using NodaTime;
using NodaTime.Extensions;

namespace Microneedling.Domain.Clinics;

/// <summary>Checks clinic settings and builds a <see cref="Clinic"/>; every problem is reported, each naming its setting.</summary>
public static partial class ClinicFactory
{
    public static ClinicBuildResult Create(ClinicSettings settings, string prefix = "Clinic")
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new Errors(prefix);
        var name = Required(errors, "Name", settings.Name);
        var domain = Required(errors, "Domain", settings.Domain);
        var sender = Email(errors, "SenderEmail", settings.SenderEmail);
        var zone = Zone(errors, settings.TimeZone);
        var currency = Required(errors, "Currency", settings.Currency);
        if (currency.Length > 0 && (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)))
        {
            errors.Add("Currency", $"'{currency}' is not an ISO 4217 code such as EUR, GBP or USD.");
        }

        var baseUrl = OptionalUrl(errors, "PublicBaseUrl", settings.PublicBaseUrl, "of the clinic's own booking pages (or unset for this app's pages)");
        var brand = Brand(errors, settings);

        var locations = settings.Locations.Select((l, i) => Location(errors.At($"Locations[{i}]"), l)).ToList();
        Unique(errors, "Locations", locations.Select(l => l.Id));
        if (locations.Count == 0)
        {
            errors.Add("Locations", "needs at least one location.");
        }

        var addOns = settings.AddOns.Select((a, i) => AddOn(errors.At($"AddOns[{i}]"), a, currency)).ToList();
        Unique(errors, "AddOns", addOns.Select(a => a.Id));
        var services = settings.Services.Select((s, i) => Service(errors.At($"Services[{i}]"), s, currency, addOns)).ToList();
        Unique(errors, "Services", services.Select(s => s.Id));
        if (!services.Any(s => s.Kind == ServiceKind.Microneedling))
        {
            errors.Add("Services", "needs at least one Microneedling service.");
        }

        var practitioners = settings.Practitioners.Select((p, i) => Practitioner(errors.At($"Practitioners[{i}]"), p, services, locations)).ToList();
        Unique(errors, "Practitioners", practitioners.Select(p => p.Id));
        if (practitioners.Count == 0)
        {
            errors.Add("Practitioners", "needs at least one practitioner.");
        }

        var booking = Booking(errors.At("Booking"), settings.Booking);
        var plan = Plan(errors.At("Plan"), settings.Plan);
        var screening = Screening(errors.At("Screening"), settings.Screening);
        var reminders = Reminders(errors.At("Reminders"), settings.Reminders);
        var retention = Retention(errors.At("Retention"), settings.Retention);

        if (errors.Count > 0)
        {
            return new ClinicBuildResult(null, errors.All);
        }

        return new ClinicBuildResult(
            new Clinic(name, domain, sender, string.IsNullOrWhiteSpace(settings.SenderName) ? name : settings.SenderName.Trim(), zone!, currency, baseUrl,
                locations, services, addOns, practitioners, booking, plan, screening, reminders) { Brand = brand, Retention = retention },
            []);
    }

    private static Location Location(Errors errors, LocationSettings s) =>
        new(Id(errors, s.Id), Required(errors, "Name", s.Name), Required(errors, "Address", s.Address));

    private static AddOn AddOn(Errors errors, AddOnSettings s, string currency) =>
        new(Id(errors, s.Id), Required(errors, "Name", s.Name), Price(errors, s.Price, currency));

    private static Service Service(Errors errors, ServiceSettings s, string currency, List<AddOn> addOns)
    {
        Positive(errors, "DurationMinutes", s.DurationMinutes, 5, 8 * 60);
        Positive(errors, "BufferMinutes", s.BufferMinutes, 0, 4 * 60);
        FiveMinuteMultiple(errors, "DurationMinutes", s.DurationMinutes);
        FiveMinuteMultiple(errors, "BufferMinutes", s.BufferMinutes);
        foreach (var id in s.AddOnIds.Where(id => addOns.All(a => a.Id != id)))
        {
            errors.Add("AddOnIds", $"names add-on '{id}', which is not configured.");
        }

        return new Service(Id(errors, s.Id), Required(errors, "Name", s.Name), s.Kind,
            Duration.FromMinutes(s.DurationMinutes), Duration.FromMinutes(s.BufferMinutes), Price(errors, s.Price, currency), [.. s.AddOnIds]);
    }

    private static Practitioner Practitioner(Errors errors, PractitionerSettings s, List<Service> services, List<Location> locations)
    {
        foreach (var id in s.ServiceIds.Where(id => services.All(x => x.Id != id)))
        {
            errors.Add("ServiceIds", $"names service '{id}', which is not configured.");
        }

        if (s.ServiceIds.Count == 0)
        {
            errors.Add("ServiceIds", "needs at least one service.");
        }

        var hours = new List<WorkingHours>();
        for (var i = 0; i < s.WeeklyHours.Count; i++)
        {
            var h = s.WeeklyHours[i];
            var at = errors.At($"WeeklyHours[{i}]");
            var start = Time(at, "Start", h.Start);
            var end = Time(at, "End", h.End);
            if (start is { } t && (t.Minute % TimeGrain.Minutes != 0 || t.Second != 0))
            {
                at.Add("Start", $"{h.Start} must fall on a {TimeGrain.Minutes}-minute boundary.");
            }

            if (start is { } st && end is { } en && en <= st)
            {
                at.Add("End", $"{h.End} is not after Start {h.Start}.");
            }

            if (locations.All(l => l.Id != h.LocationId))
            {
                at.Add("LocationId", $"'{h.LocationId}' is not a configured location.");
            }

            if (start is { } a && end is { } b)
            {
                hours.Add(new WorkingHours(h.Day.ToIsoDayOfWeek(), a, b, h.LocationId ?? string.Empty));
            }
        }

        foreach (var overlap in hours.GroupBy(h => h.Day).SelectMany(g => g.OrderBy(h => h.Start).Zip(g.OrderBy(h => h.Start).Skip(1))).Where(p => p.Second.Start < p.First.End))
        {
            errors.Add("WeeklyHours", $"{overlap.First.Day} {overlap.First.Start:HH:mm}-{overlap.First.End:HH:mm} overlaps {overlap.Second.Start:HH:mm}-{overlap.Second.End:HH:mm}.");
        }

        var daysOff = s.DaysOff.Select((d, i) => DaysOff(errors, $"DaysOff[{i}]", d)).OfType<DateInterval>().ToList();
        return new Practitioner(Id(errors, s.Id), Required(errors, "Name", s.Name), [.. s.ServiceIds], hours, daysOff);
    }
}

/// <summary>A clinic, or every reason the settings could not make one.</summary>
public sealed record ClinicBuildResult(Clinic? Clinic, IReadOnlyList<string> Errors);
