using Microneedling.Domain.Clinics;
using NodaTime;
using NodaTime.TimeZones;

namespace Microneedling.Domain.Reminders;

public enum ReminderKind
{
    BookingConfirmation,
    Rescheduled,
    Cancelled,
    PreCare,
    AftercareDay0,
    AftercareDay1,
    AftercareDay3,
    HealingCheckDay7,
    RebookingOpen,
    RebookingClosing,
    Maintenance,
}

/// <summary>A reminder to send at <see cref="DueAt"/>, pointless after <see cref="StaleAt"/>.</summary>
public sealed record PlannedReminder(ReminderKind Kind, Instant DueAt, Instant StaleAt);

/// <summary>
/// When each email about a session is due, in the clinic's time zone: the configured day offsets
/// and local times, a time skipped by daylight saving moved past the gap, and anything landing in
/// quiet hours moved to their end. Whether a due reminder still applies (booking cancelled, next
/// session booked, patient opted out) is decided when it is sent, not here.
/// </summary>
public static class ReminderPlanner
{
    public static IReadOnlyList<PlannedReminder> ForSession(Instant start, Instant now, Clinic clinic, ServiceKind service)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        var policy = clinic.Reminders;
        var zone = clinic.TimeZone;
        var day = start.InZone(zone).Date;
        var reminders = new List<PlannedReminder>();
        void Add(ReminderKind kind, ReminderTime time, Duration staleAfterStart)
        {
            if (time.Enabled)
            {
                var due = At(day.PlusDays(time.DayOffset), time.LocalTime, zone, policy);
                var stale = start + staleAfterStart;
                if (stale > now && due < stale)
                {
                    reminders.Add(new PlannedReminder(kind, due, stale));
                }
            }
        }

        Add(ReminderKind.PreCare, policy.PreCare, Duration.Zero);
        if (service == ServiceKind.Microneedling)
        {
            Add(ReminderKind.AftercareDay0, policy.AftercareDay0, Duration.FromDays(1));
            Add(ReminderKind.AftercareDay1, policy.AftercareDay1, Duration.FromDays(3));
            Add(ReminderKind.AftercareDay3, policy.AftercareDay3, Duration.FromDays(6));
            Add(ReminderKind.HealingCheckDay7, policy.HealingCheckDay7, Duration.FromDays(14));
            var windowEnd = Duration.FromDays(clinic.Plan.MaxSpacingWeeks * 7);
            Add(ReminderKind.RebookingOpen, policy.RebookingOpen, windowEnd);
            Add(ReminderKind.RebookingClosing, policy.RebookingClosing, windowEnd + Duration.FromDays(7));
            var maintenance = At(day.PlusMonths(policy.MaintenanceMonths), policy.MaintenanceLocalTime, zone, policy);
            reminders.Add(new PlannedReminder(ReminderKind.Maintenance, maintenance, maintenance + Duration.FromDays(60)));
        }

        return reminders;
    }

    /// <summary>The instant of a local day and time: a skipped time moves past the gap, an ambiguous one is its first occurrence, quiet hours are left at their end.</summary>
    public static Instant At(LocalDate day, LocalTime time, DateTimeZone zone, ReminderPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(policy);
        var local = day + time;
        if (QuietHours.Contains(policy.QuietHoursStart, policy.QuietHoursEnd, time))
        {
            local = (time < policy.QuietHoursEnd ? day : day.PlusDays(1)) + policy.QuietHoursEnd;
        }

        return zone.ResolveLocal(local, Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnForwardShifted)).ToInstant();
    }
}
