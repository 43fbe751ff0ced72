using Microneedling.Domain.Common;
using Microneedling.Domain.Retention;
using NodaTime;

namespace Microneedling.Domain.Clinics;

/// <summary>A clinic's validated configuration: what the rules read. Build it with <see cref="ClinicFactory"/>.</summary>
public sealed record Clinic(
    string Name,
    string Domain,
    string SenderEmail,
    string SenderName,
    DateTimeZone TimeZone,
    string Currency,
    Uri? PublicBaseUrl,
    IReadOnlyList<Location> Locations,
    IReadOnlyList<Service> Services,
    IReadOnlyList<AddOn> AddOns,
    IReadOnlyList<Practitioner> Practitioners,
    BookingPolicy Booking,
    PlanPolicy Plan,
    ScreeningPolicy Screening,
    ReminderPolicy Reminders)
{
    public ClinicBrand Brand { get; init; } = ClinicBrand.Default;

    public RetentionPolicy Retention { get; init; } = RetentionPolicy.Default;

    public Service? FindService(string id) => Services.FirstOrDefault(s => s.Id == id);

    public Location? FindLocation(string id) => Locations.FirstOrDefault(l => l.Id == id);

    public Practitioner? FindPractitioner(string id) => Practitioners.FirstOrDefault(p => p.Id == id);

    public AddOn? FindAddOn(string id) => AddOns.FirstOrDefault(a => a.Id == id);
}

public sealed record Location(string Id, string Name, string Address);

public sealed record AddOn(string Id, string Name, Money Price);

public sealed record Service(string Id, string Name, ServiceKind Kind, Duration Duration, Duration Buffer, Money Price, IReadOnlyList<string> AddOnIds);

public sealed record WorkingHours(IsoDayOfWeek Day, LocalTime Start, LocalTime End, string LocationId);

public sealed record Practitioner(string Id, string Name, IReadOnlyList<string> ServiceIds, IReadOnlyList<WorkingHours> WeeklyHours, IReadOnlyList<DateInterval> DaysOff)
{
    public bool Offers(string serviceId) => ServiceIds.Contains(serviceId, StringComparer.Ordinal);

    public bool WorksAt(string locationId) => WeeklyHours.Any(h => h.LocationId == locationId);

    public bool IsOff(LocalDate date) => DaysOff.Any(d => d.Contains(date));
}

public sealed record BookingPolicy(Duration MinimumNotice, int HorizonDays, Duration CancellationCutoff, Duration RescheduleCutoff, Period SlotStep);

public sealed record SessionCount(int Min, int Recommended, int Max);

public sealed record PlanPolicy(SessionCount Mild, SessionCount Moderate, SessionCount Severe, int MinSpacingWeeks, int MaxSpacingWeeks, int PreferredSpacingWeeks, int MaintenanceIntervalMonths, decimal SeriesDiscountPercent)
{
    public SessionCount For(Intake.ScarSeverity severity) => severity switch
    {
        Intake.ScarSeverity.Mild => Mild,
        Intake.ScarSeverity.Moderate => Moderate,
        _ => Severe,
    };
}

public sealed record ScreeningPolicy(int ActiveBreakoutRecheckDays, int IrritatedSkinRecheckDays, int RadiationWaitMonths, int AfterPregnancyWeeks);

public sealed record ReminderTime(bool Enabled, int DayOffset, LocalTime LocalTime);

public sealed record ReminderPolicy(
    ReminderTime PreCare,
    ReminderTime AftercareDay0,
    ReminderTime AftercareDay1,
    ReminderTime AftercareDay3,
    ReminderTime HealingCheckDay7,
    ReminderTime RebookingOpen,
    ReminderTime RebookingClosing,
    int MaintenanceMonths,
    LocalTime MaintenanceLocalTime,
    LocalTime QuietHoursStart,
    LocalTime QuietHoursEnd);
