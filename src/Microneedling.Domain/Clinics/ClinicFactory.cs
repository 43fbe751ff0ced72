using System.Globalization;
using System.Net.Mail;
using Microneedling.Domain.Common;
using NodaTime;
using NodaTime.Extensions;
using NodaTime.Text;

namespace Microneedling.Domain.Clinics;

/// <summary>Checks clinic settings and builds a <see cref="Clinic"/>; every problem is reported, each naming its setting.</summary>
public static partial class ClinicFactory
{
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

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

    private static BookingPolicy Booking(Errors errors, BookingPolicySettings s)
    {
        Positive(errors, "MinimumNoticeHours", s.MinimumNoticeHours, 0, 24 * 60);
        Positive(errors, "HorizonDays", s.HorizonDays, 1, 3 * 366);
        Positive(errors, "CancellationCutoffHours", s.CancellationCutoffHours, 0, 24 * 30);
        Positive(errors, "RescheduleCutoffHours", s.RescheduleCutoffHours, 0, 24 * 30);
        Positive(errors, "SlotStepMinutes", s.SlotStepMinutes, 5, 240);
        FiveMinuteMultiple(errors, "SlotStepMinutes", s.SlotStepMinutes);
        return new BookingPolicy(Duration.FromHours(s.MinimumNoticeHours), s.HorizonDays, Duration.FromHours(s.CancellationCutoffHours),
            Duration.FromHours(s.RescheduleCutoffHours), Period.FromMinutes(Math.Max(1, s.SlotStepMinutes)));
    }

    private static PlanPolicy Plan(Errors errors, PlanPolicySettings s)
    {
        SessionCount Count(string name, SessionCountSettings c)
        {
            if (c.Min < 1 || c.Min > c.Recommended || c.Recommended > c.Max || c.Max > 12)
            {
                errors.Add(name, $"needs 1 <= Min <= Recommended <= Max <= 12 (got {c.Min}, {c.Recommended}, {c.Max}).");
            }

            return new SessionCount(c.Min, c.Recommended, c.Max);
        }

        var plan = new PlanPolicy(Count("Mild", s.Mild), Count("Moderate", s.Moderate), Count("Severe", s.Severe),
            s.MinSpacingWeeks, s.MaxSpacingWeeks, s.PreferredSpacingWeeks, s.MaintenanceIntervalMonths, s.SeriesDiscountPercent);
        Positive(errors, "MinSpacingWeeks", s.MinSpacingWeeks, 1, 52);
        if (s.MaxSpacingWeeks < s.MinSpacingWeeks)
        {
            errors.Add("MaxSpacingWeeks", $"{s.MaxSpacingWeeks} is less than MinSpacingWeeks {s.MinSpacingWeeks}.");
        }

        if (s.PreferredSpacingWeeks < s.MinSpacingWeeks || s.PreferredSpacingWeeks > s.MaxSpacingWeeks)
        {
            errors.Add("PreferredSpacingWeeks", $"{s.PreferredSpacingWeeks} is outside the spacing window {s.MinSpacingWeeks}-{s.MaxSpacingWeeks}.");
        }

        Positive(errors, "MaintenanceIntervalMonths", s.MaintenanceIntervalMonths, 1, 60);
        if (s.SeriesDiscountPercent is < 0 or >= 100)
        {
            errors.Add("SeriesDiscountPercent", "must be from 0 to below 100.");
        }

        return plan;
    }

    private static ScreeningPolicy Screening(Errors errors, ScreeningPolicySettings s)
    {
        Positive(errors, "ActiveBreakoutRecheckDays", s.ActiveBreakoutRecheckDays, 1, 365);
        Positive(errors, "IrritatedSkinRecheckDays", s.IrritatedSkinRecheckDays, 1, 365);
        Positive(errors, "RadiationWaitMonths", s.RadiationWaitMonths, 0, 120);
        Positive(errors, "AfterPregnancyWeeks", s.AfterPregnancyWeeks, 0, 104);
        return new ScreeningPolicy(s.ActiveBreakoutRecheckDays, s.IrritatedSkinRecheckDays, s.RadiationWaitMonths, s.AfterPregnancyWeeks);
    }

    private static ReminderPolicy Reminders(Errors errors, ReminderPolicySettings s)
    {
        ReminderTime At(string name, ReminderTimeSettings r) =>
            new(r.Enabled, r.DayOffset, Time(errors.At(name), "LocalTime", r.LocalTime) ?? LocalTime.Noon);

        Positive(errors, "MaintenanceMonths", s.MaintenanceMonths, 1, 60);
        var policy = new ReminderPolicy(At("PreCare", s.PreCare), At("AftercareDay0", s.AftercareDay0), At("AftercareDay1", s.AftercareDay1),
            At("AftercareDay3", s.AftercareDay3), At("HealingCheckDay7", s.HealingCheckDay7), At("RebookingOpen", s.RebookingOpen),
            At("RebookingClosing", s.RebookingClosing), s.MaintenanceMonths,
            Time(errors, "MaintenanceLocalTime", s.MaintenanceLocalTime) ?? LocalTime.Noon,
            Time(errors, "QuietHoursStart", s.QuietHoursStart) ?? LocalTime.Midnight,
            Time(errors, "QuietHoursEnd", s.QuietHoursEnd) ?? LocalTime.Midnight);
        if (s.PreCare.DayOffset >= 0)
        {
            errors.Add("PreCare.DayOffset", "must be before the session day (negative).");
        }

        if (s.RebookingClosing.DayOffset <= s.RebookingOpen.DayOffset)
        {
            errors.Add("RebookingClosing.DayOffset", "must come after RebookingOpen.DayOffset.");
        }

        foreach (var (name, time) in new[] { ("PreCare", policy.PreCare), ("AftercareDay0", policy.AftercareDay0), ("AftercareDay1", policy.AftercareDay1), ("AftercareDay3", policy.AftercareDay3), ("HealingCheckDay7", policy.HealingCheckDay7), ("RebookingOpen", policy.RebookingOpen), ("RebookingClosing", policy.RebookingClosing) })
        {
            if (QuietHours.Contains(policy.QuietHoursStart, policy.QuietHoursEnd, time.LocalTime))
            {
                errors.Add($"{name}.LocalTime", $"{time.LocalTime:HH:mm} falls in quiet hours ({policy.QuietHoursStart:HH:mm}-{policy.QuietHoursEnd:HH:mm}).");
            }
        }

        return policy;
    }

    private static DateInterval? DaysOff(Errors errors, string name, string text)
    {
        var parts = text.Split('/');
        var start = DatePattern.Parse(parts[0].Trim());
        var end = parts.Length == 2 ? DatePattern.Parse(parts[1].Trim()) : start;
        if (parts.Length > 2 || !start.Success || !end.Success)
        {
            errors.Add(name, $"'{text}' is not a date (2026-12-25) or a range (2026-12-24/2026-12-31).");
            return null;
        }

        if (end.Value < start.Value)
        {
            errors.Add(name, $"'{text}' ends before it starts.");
            return null;
        }

        return new DateInterval(start.Value, end.Value);
    }

    private static DateTimeZone? Zone(Errors errors, string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add("TimeZone", "is required (an IANA id such as Europe/London).");
            return null;
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
        if (zone is null)
        {
            errors.Add("TimeZone", $"'{id}' is not an IANA time zone id (such as Europe/London or America/New_York).");
        }

        return zone;
    }

    private static LocalTime? Time(Errors errors, string name, string? text)
    {
        var result = TimePattern.Parse(text ?? string.Empty);
        if (!result.Success)
        {
            errors.Add(name, $"'{text}' is not a time of day as HH:mm.");
            return null;
        }

        return result.Value;
    }

    private static Money Price(Errors errors, decimal amount, string currency)
    {
        if (amount < 0)
        {
            errors.Add("Price", "cannot be negative.");
        }

        return new Money(amount, currency);
    }

    private static string Email(Errors errors, string name, string? value)
    {
        var text = Required(errors, name, value);
        if (text.Length > 0 && (!MailAddress.TryCreate(text, out var address) || address.Address != text))
        {
            errors.Add(name, $"'{text}' is not an email address.");
        }

        return text;
    }

    private static string Id(Errors errors, string? id)
    {
        var text = Required(errors, "Id", id);
        if (text.Length > 0 && !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            errors.Add("Id", $"'{text}' may hold only letters, digits, '-' and '_'.");
        }

        return text;
    }

    private static string Required(Errors errors, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(name, "is required.");
            return string.Empty;
        }

        return value.Trim();
    }

    private static void Positive(Errors errors, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(name, string.Create(CultureInfo.InvariantCulture, $"{value} is outside {min}-{max}."));
        }
    }

    // Bookings claim time in 5-minute blocks, so every boundary a booking can have must fall on one.
    private static void FiveMinuteMultiple(Errors errors, string name, int value)
    {
        if (value % TimeGrain.Minutes != 0)
        {
            errors.Add(name, $"{value} is not a multiple of {TimeGrain.Minutes} minutes.");
        }
    }

    private static void Unique(Errors errors, string name, IEnumerable<string> ids)
    {
        foreach (var id in ids.Where(id => id.Length > 0).GroupBy(id => id).Where(g => g.Count() > 1))
        {
            errors.Add(name, $"id '{id.Key}' is used more than once.");
        }
    }

    /// <summary>Collects errors, each prefixed with the setting path it concerns.</summary>
    private sealed class Errors(string prefix, List<string>? sink = null)
    {
        private readonly List<string> _all = sink ?? [];

        public int Count => _all.Count;

        public IReadOnlyList<string> All => _all;

        public Errors At(string child) => new($"{prefix}:{child}", _all);

        public void Add(string name, string message) => _all.Add($"{prefix}:{name} {message}");
    }
}

/// <summary>A clinic, or every reason the settings could not make one.</summary>
public sealed record ClinicBuildResult(Clinic? Clinic, IReadOnlyList<string> Errors);
