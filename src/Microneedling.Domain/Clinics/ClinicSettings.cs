namespace Microneedling.Domain.Clinics;

// The clinic's configuration as it arrives from JSON or app settings: plain, bindable values.
// ClinicFactory checks it and turns it into the immutable Clinic the rules use.

public sealed class ClinicSettings
{
    public string? Name { get; set; }

    /// <summary>The clinic's internet domain: calendar UIDs are made unique with it.</summary>
    public string? Domain { get; set; }

    public string? SenderEmail { get; set; }

    public string? SenderName { get; set; }

    /// <summary>An IANA time zone id such as <c>Europe/London</c>.</summary>
    public string? TimeZone { get; set; }

    /// <summary>ISO 4217 currency code for every price.</summary>
    public string? Currency { get; set; }

    /// <summary>
    /// The clinic's own site, when it hosts the booking and manage pages itself: emails then link to
    /// <c>{PublicBaseUrl}/book</c> and <c>{PublicBaseUrl}/manage/{id}</c>. Unset, they link to this app's pages.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>An absolute http(s) URL of the clinic's logo for its pages; unset, the pages show the clinic's name alone.</summary>
    public string? LogoUrl { get; set; }

    /// <summary>The colour of buttons and accents, <c>#rrggbb</c>; white text on it must be readable (contrast 4.5:1).</summary>
    public string? PrimaryColor { get; set; }

    public List<LocationSettings> Locations { get; set; } = [];

    public List<ServiceSettings> Services { get; set; } = [];

    public List<AddOnSettings> AddOns { get; set; } = [];

    public List<PractitionerSettings> Practitioners { get; set; } = [];

    public BookingPolicySettings Booking { get; set; } = new();

    public PlanPolicySettings Plan { get; set; } = new();

    public ScreeningPolicySettings Screening { get; set; } = new();

    public ReminderPolicySettings Reminders { get; set; } = new();

    public RetentionSettings Retention { get; set; } = new();
}

public sealed class LocationSettings
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Address { get; set; }
}

public sealed class ServiceSettings
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public ServiceKind Kind { get; set; } = ServiceKind.Microneedling;

    public int DurationMinutes { get; set; } = 60;

    /// <summary>Time after the appointment kept free (cleanup, notes).</summary>
    public int BufferMinutes { get; set; } = 15;

    public decimal Price { get; set; }

    public List<string> AddOnIds { get; set; } = [];
}

public sealed class AddOnSettings
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public decimal Price { get; set; }
}

public sealed class PractitionerSettings
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public List<string> ServiceIds { get; set; } = [];

    public List<WorkingHoursSettings> WeeklyHours { get; set; } = [];

    /// <summary>Dates (<c>2026-12-25</c>) or inclusive ranges (<c>2026-12-24/2026-12-31</c>) off work.</summary>
    public List<string> DaysOff { get; set; } = [];
}

public sealed class WorkingHoursSettings
{
    public DayOfWeek Day { get; set; }

    /// <summary>Local start, <c>HH:mm</c>.</summary>
    public string? Start { get; set; }

    /// <summary>Local end, <c>HH:mm</c>, after the start on the same day.</summary>
    public string? End { get; set; }

    public string? LocationId { get; set; }
}

public sealed class BookingPolicySettings
{
    public int MinimumNoticeHours { get; set; } = 24;

    public int HorizonDays { get; set; } = 180;

    public int CancellationCutoffHours { get; set; } = 24;

    public int RescheduleCutoffHours { get; set; } = 24;

    /// <summary>Offered start times are this many minutes apart.</summary>
    public int SlotStepMinutes { get; set; } = 15;
}

public sealed class SessionCountSettings
{
    public int Min { get; set; }

    public int Recommended { get; set; }

    public int Max { get; set; }
}

public sealed class PlanPolicySettings
{
    public SessionCountSettings Mild { get; set; } = new() { Min = 3, Recommended = 3, Max = 4 };

    public SessionCountSettings Moderate { get; set; } = new() { Min = 3, Recommended = 4, Max = 5 };

    public SessionCountSettings Severe { get; set; } = new() { Min = 5, Recommended = 6, Max = 6 };

    public int MinSpacingWeeks { get; set; } = 4;

    public int MaxSpacingWeeks { get; set; } = 6;

    /// <summary>The spacing used to propose dates; within the window.</summary>
    public int PreferredSpacingWeeks { get; set; } = 4;

    public int MaintenanceIntervalMonths { get; set; } = 12;

    /// <summary>Discount on the sessions' price when a whole series is booked.</summary>
    public decimal SeriesDiscountPercent { get; set; }
}

public sealed class ScreeningPolicySettings
{
    /// <summary>When to ask again after an active breakout. Clinic policy, not a source fact.</summary>
    public int ActiveBreakoutRecheckDays { get; set; } = 28;

    /// <summary>When to ask again after irritated, sunburnt or inflamed skin. Clinic policy.</summary>
    public int IrritatedSkinRecheckDays { get; set; } = 14;

    /// <summary>How long after radiation treatment ends the clinic waits. Clinic policy.</summary>
    public int RadiationWaitMonths { get; set; } = 12;

    /// <summary>How long after a due date the clinic asks again. Clinic policy.</summary>
    public int AfterPregnancyWeeks { get; set; } = 12;
}

public sealed class ReminderTimeSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>Days relative to the session day (negative: before).</summary>
    public int DayOffset { get; set; }

    /// <summary>Local time of day, <c>HH:mm</c>.</summary>
    public string? LocalTime { get; set; }
}

public sealed class ReminderPolicySettings
{
    public ReminderTimeSettings PreCare { get; set; } = new() { DayOffset = -1, LocalTime = "09:00" };

    public ReminderTimeSettings AftercareDay0 { get; set; } = new() { DayOffset = 0, LocalTime = "19:00" };

    public ReminderTimeSettings AftercareDay1 { get; set; } = new() { DayOffset = 1, LocalTime = "10:00" };

    public ReminderTimeSettings AftercareDay3 { get; set; } = new() { DayOffset = 3, LocalTime = "10:00" };

    public ReminderTimeSettings HealingCheckDay7 { get; set; } = new() { DayOffset = 7, LocalTime = "10:00" };

    public ReminderTimeSettings RebookingOpen { get; set; } = new() { DayOffset = 28, LocalTime = "10:00" };

    public ReminderTimeSettings RebookingClosing { get; set; } = new() { DayOffset = 42, LocalTime = "10:00" };

    public int MaintenanceMonths { get; set; } = 12;

    public string? MaintenanceLocalTime { get; set; } = "10:00";

    /// <summary>No email between these local times; a reminder due then waits until the end.</summary>
    public string? QuietHoursStart { get; set; } = "21:00";

    public string? QuietHoursEnd { get; set; } = "08:00";
}
