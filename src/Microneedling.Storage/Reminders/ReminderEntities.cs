using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microneedling.Domain.Reminders;
using Microneedling.Storage.Entities;

namespace Microneedling.Storage.Reminders;

public enum ReminderState
{
    Pending,

    /// <summary>A sweep holds it until <see cref="ReminderEntity.ClaimedUntil"/>; after that another may take it over.</summary>
    Claimed,
}

/// <summary>
/// A reminder waiting to be sent. Table: one per UTC day of the due time (<c>RemindersYYYYMMDD</c>);
/// partition: the UTC second (<c>HHmmss</c>); row: due ticks, booking, session, kind and the session's
/// sequence. A sweep therefore reads only the days and seconds that have come due, and emails
/// scheduled at the same moment (every booking's confirmation is due on booking) spread over many
/// small partitions instead of piling into one: Azurite checks each insert by scanning the
/// entity's partition.
/// </summary>
public sealed class ReminderEntity : EntityBase
{
    public ReminderKind Kind { get; set; }

    public string BookingId { get; set; } = string.Empty;

    public int SessionNumber { get; set; }

    /// <summary>The session's calendar sequence when this was scheduled: a later change makes it obsolete.</summary>
    public int SessionSequence { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset StaleAt { get; set; }

    /// <summary>Fixed when scheduled, so every send attempt of this email carries the same ACS Operation-Id.</summary>
    public Guid OperationId { get; set; }

    public ReminderState State { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    public DateTimeOffset? NotBefore { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// Every session the email is about, comma-separated, when there is more than one (a
    /// cancellation covers all the sessions one request cancelled); otherwise null.
    /// </summary>
    public string? Sessions { get; set; }

    /// <summary>The sessions the email is about: <see cref="Sessions"/>, or the one session.</summary>
    public IReadOnlyList<int> SessionNumbers() =>
        string.IsNullOrEmpty(Sessions) ? [SessionNumber] : [.. Sessions.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))];

    /// <summary>An email about several sessions: identified by the first of them.</summary>
    public static ReminderEntity Create(string bookingId, IReadOnlyList<int> sessionNumbers, int sessionSequence, ReminderKind kind, DateTimeOffset dueAt, DateTimeOffset staleAt)
    {
        ArgumentNullException.ThrowIfNull(sessionNumbers);
        var reminder = Create(bookingId, sessionNumbers.Min(), sessionSequence, kind, dueAt, staleAt);
        reminder.Sessions = sessionNumbers.Count > 1 ? string.Join(',', sessionNumbers.Order()) : null;
        return reminder;
    }

    public static ReminderEntity Create(string bookingId, int sessionNumber, int sessionSequence, ReminderKind kind, DateTimeOffset dueAt, DateTimeOffset staleAt)
    {
        var rowKey = string.Create(CultureInfo.InvariantCulture, $"{dueAt.UtcTicks:D19}_{bookingId}_{sessionNumber:D2}_{kind}_{sessionSequence:D3}");
        return new ReminderEntity
        {
            PartitionKey = PartitionFor(dueAt),
            RowKey = rowKey,
            Kind = kind,
            BookingId = bookingId,
            SessionNumber = sessionNumber,
            SessionSequence = sessionSequence,
            DueAt = dueAt,
            StaleAt = staleAt,
            OperationId = StableId(rowKey[20..]),
            State = ReminderState.Pending,
        };
    }

    public static string PartitionFor(DateTimeOffset dueAt) => dueAt.UtcDateTime.ToString("HHmmss", CultureInfo.InvariantCulture);

    public static string TableFor(DateTimeOffset dueAt) => "Reminders" + dueAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>A GUID derived from the reminder's identity (not its due time): the same email always gets the same id.</summary>
    private static Guid StableId(string identity) => new(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 16));
}

public enum EmailOutcome
{
    Sent,
    Skipped,
    Failed,
}

/// <summary>What became of one email of a booking. Partition: the booking; row: <c>email_</c> and the reminder's identity. Staff read these.</summary>
public sealed class EmailRecordEntity : EntityBase
{
    public const string RowPrefix = "email_";

    public ReminderKind Kind { get; set; }

    public int SessionNumber { get; set; }

    public Guid OperationId { get; set; }

    public EmailOutcome Outcome { get; set; }

    public string? Detail { get; set; }

    public DateTimeOffset At { get; set; }

    public int Attempts { get; set; }

    /// <summary>For a sent confirmation: the sessions it listed and the sequence of each (<c>1:0,2:0</c>).</summary>
    public string? Shown { get; set; }
}
