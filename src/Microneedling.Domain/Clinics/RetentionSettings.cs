namespace Microneedling.Domain.Clinics;

/// <summary>
/// How long the clinic keeps each kind of patient data. The defaults are documented in the README's
/// "Patient data" section; every period counts from the last thing that still needed the data.
/// </summary>
public sealed class RetentionSettings
{
    /// <summary>Days after an intake that led to no booking before its health answers are removed.</summary>
    public int UnbookedIntakeDays { get; set; } = 30;

    /// <summary>
    /// Months after the patient's last session (of the bookings made with the intake) before the
    /// intake's health answers are removed; the default outlasts the maintenance reminder, which
    /// reads the plan's length from them.
    /// </summary>
    public int IntakeAnswersMonthsAfterLastSession { get; set; } = 13;

    /// <summary>Months after a booking's last session before its name and email address are removed.</summary>
    public int PersonalDetailsMonthsAfterLastSession { get; set; } = 72;

    /// <summary>Days an email's log entry is kept after it was sent and after the booking's last session.</summary>
    public int EmailLogDays { get; set; } = 90;

    /// <summary>Hours an Idempotency-Key and the response it replays (which holds the patient's name and address) are kept.</summary>
    public int IdempotencyHours { get; set; } = 24;
}
