using NodaTime;

namespace Microneedling.Domain.Retention;

/// <summary>
/// When each kind of stored patient data stops being needed. Pure: the retention sweep reads the
/// rows, asks these rules, and removes what has expired. A booking's "last activity" is its last
/// session that was not cancelled, or its last change when later (a booking cancelled outright
/// counts from the cancellation).
/// </summary>
public static class RetentionRules
{
    /// <summary>When an intake's health answers go: soon after an intake nobody booked with, some months after the last session of those that were.</summary>
    public static Instant IntakeAnswersExpireAt(Instant intakeCreated, Instant? lastActivityOfItsBookings, RetentionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return lastActivityOfItsBookings is { } last ? PlusMonths(last, policy.IntakeAnswersMonths) : intakeCreated + policy.UnbookedIntake;
    }

    /// <summary>When what is left of an intake (its outcome and dates) goes: with the personal details of the bookings made with it.</summary>
    public static Instant IntakeRecordExpiresAt(Instant intakeCreated, Instant? lastActivityOfItsBookings, RetentionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return PlusMonths(lastActivityOfItsBookings is { } last && last > intakeCreated ? last : intakeCreated, policy.PersonalDetailsMonths);
    }

    /// <summary>When a booking's name and email address go.</summary>
    public static Instant PersonalDetailsExpireAt(Instant lastActivity, RetentionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return PlusMonths(lastActivity, policy.PersonalDetailsMonths);
    }

    /// <summary>When an email's log entry goes: it is kept while the booking is live, since later emails read the confirmation's entry.</summary>
    public static Instant EmailLogExpiresAt(Instant sentAt, Instant bookingLastActivity, RetentionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Instant.Max(sentAt, bookingLastActivity) + policy.EmailLog;
    }

    /// <summary>When an Idempotency-Key and the response stored for its replays go.</summary>
    public static Instant IdempotencyExpiresAt(Instant createdAt, RetentionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return createdAt + policy.Idempotency;
    }

    /// <summary>The booking's last session that was not cancelled, or its last change when later.</summary>
    public static Instant LastActivity(Instant lastChange, IEnumerable<(Instant Start, bool Cancelled)> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var last = lastChange;
        foreach (var (start, cancelled) in sessions)
        {
            if (!cancelled && start > last)
            {
                last = start;
            }
        }

        return last;
    }

    // Calendar months in UTC: a month after 31 January is 28 (or 29) February, as NodaTime rounds.
    private static Instant PlusMonths(Instant instant, int months) =>
        instant.InUtc().LocalDateTime.PlusMonths(months).InUtc().ToInstant();
}
