using Microneedling.Domain.Retention;
using NodaTime;

namespace Microneedling.Domain.Clinics;

/// <summary>The retention periods, checked like every other setting.</summary>
public static partial class ClinicFactory
{
    private static RetentionPolicy Retention(Errors errors, RetentionSettings s)
    {
        Positive(errors, "UnbookedIntakeDays", s.UnbookedIntakeDays, 1, 3 * 366);
        Positive(errors, "IntakeAnswersMonthsAfterLastSession", s.IntakeAnswersMonthsAfterLastSession, 1, 10 * 12);
        Positive(errors, "PersonalDetailsMonthsAfterLastSession", s.PersonalDetailsMonthsAfterLastSession, 1, 20 * 12);
        Positive(errors, "EmailLogDays", s.EmailLogDays, 1, 10 * 366);
        Positive(errors, "IdempotencyHours", s.IdempotencyHours, 1, 30 * 24);
        if (s.PersonalDetailsMonthsAfterLastSession < s.IntakeAnswersMonthsAfterLastSession)
        {
            errors.Add("PersonalDetailsMonthsAfterLastSession",
                $"{s.PersonalDetailsMonthsAfterLastSession} is shorter than IntakeAnswersMonthsAfterLastSession ({s.IntakeAnswersMonthsAfterLastSession}): health answers must not outlive the name they belong to.");
        }

        return new RetentionPolicy(
            Duration.FromDays(s.UnbookedIntakeDays),
            s.IntakeAnswersMonthsAfterLastSession,
            s.PersonalDetailsMonthsAfterLastSession,
            Duration.FromDays(s.EmailLogDays),
            Duration.FromHours(s.IdempotencyHours));
    }
}
