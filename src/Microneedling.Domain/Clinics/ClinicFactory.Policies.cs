using NodaTime;

namespace Microneedling.Domain.Clinics;

/// <summary>The clinic's booking, plan, screening and reminder policies, checked setting by setting.</summary>
public static partial class ClinicFactory
{
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
}
