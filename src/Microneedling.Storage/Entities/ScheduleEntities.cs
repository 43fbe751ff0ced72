using System.Globalization;

namespace Microneedling.Storage.Entities;

/// <summary>
/// A practitioner's schedule, one partition per practitioner in two tables: <c>b_...</c> rows in
/// ScheduleBlocks are 5-minute block claims (an insert of an existing block fails, which is what
/// makes double booking impossible); <c>s_...</c> rows in Schedule are the sessions themselves, in
/// start order, which is what availability reads. Keeping them apart keeps that read small.
/// </summary>
public static class ScheduleKeys
{
    public const string BlockPrefix = "b_";
    public const string SessionPrefix = "s_";

    public static string Block(DateTimeOffset blockStart) => BlockPrefix + Stamp(blockStart);

    public static string Session(DateTimeOffset start, string bookingId, int number) =>
        $"{SessionPrefix}{Stamp(start)}_{bookingId}_{number:D2}";

    public static string SessionRangeStart(DateTimeOffset from) => SessionPrefix + Stamp(from);

    private static string Stamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture);
}

public sealed class BlockClaimEntity : EntityBase
{
    public string BookingId { get; set; } = string.Empty;

    public int SessionNumber { get; set; }

    /// <summary>With the booking and session, names the claim: a moved session's blocks get its new start.</summary>
    public DateTimeOffset SessionStart { get; set; }
}

public sealed class ScheduledSessionEntity : EntityBase
{
    public string BookingId { get; set; } = string.Empty;

    public int SessionNumber { get; set; }

    public string LocationId { get; set; } = string.Empty;

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }

    public DateTimeOffset BlockedUntil { get; set; }
}
