using Microneedling.Domain.Availability;
using Microneedling.Domain.Clinics;
using Microneedling.Domain.Common;
using Microneedling.Domain.Intake;
using NodaTime;

namespace Microneedling.Domain.Bookings;

/// <summary>The rules a booking, a reschedule or a cancellation must pass; each returns every reason it fails.</summary>
public static class BookingRules
{
    /// <summary>
    /// Treatment needs an eligible intake, or a consult outcome a practitioner has since cleared;
    /// a consultation is open to any patient with an intake whose outcome is not a deferral.
    /// </summary>
    public static RuleResult CanBookService(Service service, IntakeOutcome outcome, bool clearedByPractitioner)
    {
        ArgumentNullException.ThrowIfNull(service);
        return (service.Kind, outcome) switch
        {
            (_, IntakeOutcome.NotEligibleNow) => RuleResult.Refused("intake-not-eligible-now",
                "The intake screening deferred treatment for now; see its findings for when to ask again."),
            (ServiceKind.Consultation, _) => RuleResult.Allowed,
            (ServiceKind.Microneedling, IntakeOutcome.Eligible) => RuleResult.Allowed,
            (ServiceKind.Microneedling, IntakeOutcome.Consult) when clearedByPractitioner => RuleResult.Allowed,
            _ => RuleResult.Refused("consultation-required",
                "A practitioner needs to see you before treatment: please book a consultation first."),
        };
    }

    /// <summary>The next session of a series falls inside the spacing window after the previous one (clinic calendar days).</summary>
    public static RuleResult CheckSpacing(LocalDate previous, LocalDate next, PlanPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var windowStart = previous.PlusWeeks(policy.MinSpacingWeeks);
        var windowEnd = previous.PlusWeeks(policy.MaxSpacingWeeks);
        if (next < windowStart)
        {
            return RuleResult.Refused("spacing-too-soon",
                $"Sessions need at least {policy.MinSpacingWeeks} weeks between them so collagen can form: the earliest date is {windowStart:yyyy-MM-dd}.");
        }

        if (next > windowEnd)
        {
            return RuleResult.Refused("spacing-too-late",
                $"Sessions should be at most {policy.MaxSpacingWeeks} weeks apart: the latest date is {windowEnd:yyyy-MM-dd}.");
        }

        return RuleResult.Allowed;
    }

    /// <summary>Every consecutive pair of a series' sessions inside the spacing window, and a session count the plan allows.</summary>
    public static RuleResult CheckSeries(IReadOnlyList<LocalDate> sessionDates, SessionCount counts, PlanPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(sessionDates);
        ArgumentNullException.ThrowIfNull(counts);
        var results = new List<RuleResult>();
        if (sessionDates.Count > counts.Max)
        {
            results.Add(RuleResult.Refused("too-many-sessions", $"A series here has at most {counts.Max} sessions."));
        }

        for (var i = 1; i < sessionDates.Count; i++)
        {
            var spacing = CheckSpacing(sessionDates[i - 1], sessionDates[i], policy);
            results.Add(new RuleResult([.. spacing.Violations.Select(v => v with { Message = $"Session {i + 1}: {v.Message}" })]));
        }

        return RuleResult.All([.. results]);
    }

    /// <summary>A new start respects the minimum notice and the booking horizon.</summary>
    public static RuleResult CheckNoticeAndHorizon(Instant start, Instant now, Clinic clinic)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        if (start < now + clinic.Booking.MinimumNotice)
        {
            return RuleResult.Refused("too-short-notice",
                $"Bookings need at least {clinic.Booking.MinimumNotice.TotalHours:0} hours' notice.");
        }

        if (start.InZone(clinic.TimeZone).Date > now.InZone(clinic.TimeZone).Date.PlusDays(clinic.Booking.HorizonDays))
        {
            return RuleResult.Refused("beyond-horizon", $"Bookings open at most {clinic.Booking.HorizonDays} days ahead.");
        }

        return RuleResult.Allowed;
    }

    /// <summary>A start is bookable only if availability offers it for that practitioner.</summary>
    public static RuleResult CheckSlotOffered(Clinic clinic, string serviceId, string locationId, string practitionerId, Instant start, Instant now, IReadOnlyList<BusyInterval> busy)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        var date = start.InZone(clinic.TimeZone).Date;
        var found = AvailabilityCalculator.Find(clinic, new AvailabilityQuery(serviceId, locationId, practitionerId, date, date), now, busy);
        if (!found.Rules.IsAllowed)
        {
            return found.Rules;
        }

        return found.Slots.Any(s => s.Start == start)
            ? RuleResult.Allowed
            : RuleResult.Refused("slot-not-available", "That time is not available; please choose one of the offered times.");
    }

    public static RuleResult CanCancel(Instant sessionStart, Instant now, BookingPolicy policy) =>
        Cutoff(sessionStart, now, policy.CancellationCutoff, "cancellation-cutoff-passed", "cancelled");

    public static RuleResult CanReschedule(Instant sessionStart, Instant now, BookingPolicy policy) =>
        Cutoff(sessionStart, now, policy.RescheduleCutoff, "reschedule-cutoff-passed", "moved");

    private static RuleResult Cutoff(Instant sessionStart, Instant now, Duration cutoff, string code, string verb)
    {
        if (now >= sessionStart)
        {
            return RuleResult.Refused("session-started", $"The session has already started and can no longer be {verb}.");
        }

        return now > sessionStart - cutoff
            ? RuleResult.Refused(code, $"Sessions can be {verb} online up to {cutoff.TotalHours:0} hours before; please call the clinic.")
            : RuleResult.Allowed;
    }
}
