using NodaTime;

namespace Microneedling.Domain.Retention;

/// <summary>The clinic's retention periods, checked: see <see cref="Clinics.RetentionSettings"/> for what each is.</summary>
public sealed record RetentionPolicy(
    Duration UnbookedIntake,
    int IntakeAnswersMonths,
    int PersonalDetailsMonths,
    Duration EmailLog,
    Duration Idempotency)
{
    public static RetentionPolicy Default { get; } = new(Duration.FromDays(30), 13, 72, Duration.FromDays(90), Duration.FromHours(24));
}
