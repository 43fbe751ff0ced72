using System.Diagnostics.Metrics;
using Microneedling.Domain.Clinics;
using Microneedling.Domain.Intake;
using Microneedling.Domain.Reminders;
using Microneedling.Functions.Api;
using Microneedling.Storage.Bookings;
using Microneedling.Storage.Reminders;

namespace Microneedling.Functions.Telemetry;

/// <summary>
/// The app's own health numbers, on the meter <see cref="MeterName"/>. The names are stable (alerts
/// and dashboards depend on them; the README's Operations section says what each means). Tags are
/// small fixed sets (kinds, outcomes, reasons): never an id, a name, an address or an answer.
/// </summary>
public sealed class ClinicMetrics
{
    public const string MeterName = "Microneedling";
    public const string BookingsCreated = "microneedling.bookings.created";
    public const string BookingsChanged = "microneedling.bookings.changed";
    public const string RequestsRefused = "microneedling.requests.refused";
    public const string IntakesScreened = "microneedling.intakes.screened";
    public const string RemindersDue = "microneedling.reminders.due";
    public const string RemindersSent = "microneedling.reminders.sent";
    public const string RemindersSkipped = "microneedling.reminders.skipped";
    public const string RemindersFailed = "microneedling.reminders.failed";
    public const string RemindersRetried = "microneedling.reminders.retried";
    public const string SweepLag = "microneedling.reminders.sweep_lag";
    public const string BookingsRecovered = "microneedling.bookings.recovered";

    private readonly Counter<long> _created;
    private readonly Counter<long> _changed;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _screened;
    private readonly Counter<long> _due;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _skipped;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _retried;
    private readonly Histogram<double> _lag;
    private readonly Counter<long> _recovered;

    public ClinicMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _created = meter.CreateCounter<long>(BookingsCreated, "{booking}", "Bookings created (a series counts once), by service kind.");
        _changed = meter.CreateCounter<long>(BookingsChanged, "{change}", "Bookings rescheduled or cancelled, by change and by whom.");
        _refused = meter.CreateCounter<long>(RequestsRefused, "{request}", "Requests answered with a problem, by function and problem type.");
        _screened = meter.CreateCounter<long>(IntakesScreened, "{intake}", "Intakes screened, by outcome.");
        _due = meter.CreateCounter<long>(RemindersDue, "{reminder}", "Reminders a sweep found due, by kind.");
        _sent = meter.CreateCounter<long>(RemindersSent, "{reminder}", "Reminders accepted by the email service, by kind.");
        _skipped = meter.CreateCounter<long>(RemindersSkipped, "{reminder}", "Reminders dropped because they no longer apply, by kind and reason.");
        _failed = meter.CreateCounter<long>(RemindersFailed, "{reminder}", "Reminders that failed for good, by kind.");
        _retried = meter.CreateCounter<long>(RemindersRetried, "{reminder}", "Reminder attempts that failed and will be tried again, by kind.");
        _lag = meter.CreateHistogram<double>(SweepLag, "s", "How long the oldest due reminder had waited when a sweep started (0 when none was due).");
        _recovered = meter.CreateCounter<long>(BookingsRecovered, "{change}", "Interrupted booking changes the recovery timer found and finished or undid.");
    }

    public void BookingCreated(ServiceKind kind) => _created.Add(1, Tag("service.kind", kind));

    /// <summary>A reschedule or cancellation that was written; one that lost a race is counted as refused.</summary>
    public void BookingChanged(string change, WriteOutcome outcome, bool byClinic)
    {
        if (outcome == WriteOutcome.Done)
        {
            _changed.Add(1, new("change", change), new("by", byClinic ? "clinic" : "patient"));
        }
    }

    public void RequestRefused(string function, string reason, int status) =>
        _refused.Add(1, new("function", function), new("reason", reason), new("status", status));

    public void IntakeScreened(IntakeOutcome outcome) => _screened.Add(1, Tag("outcome", outcome));

    /// <summary>Counts what a sweep found due and how long the oldest of it had waited.</summary>
    public void SweepStarted(IReadOnlyCollection<ReminderEntity> due, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(due);
        foreach (var reminder in due)
        {
            _due.Add(1, Tag("kind", reminder.Kind));
        }

        var oldest = due.Select(r => r.NotBefore is { } notBefore && notBefore > r.DueAt ? notBefore : r.DueAt).Where(at => at <= now).DefaultIfEmpty(now).Min();
        _lag.Record((now - oldest).TotalSeconds);
    }

    /// <summary>A reminder done with: sent, skipped (the reason is the rule's code) or failed for good.</summary>
    public void ReminderFinished(ReminderKind kind, EmailOutcome outcome, string? reason)
    {
        switch (outcome)
        {
            case EmailOutcome.Sent:
                _sent.Add(1, Tag("kind", kind));
                break;
            case EmailOutcome.Skipped:
                _skipped.Add(1, Tag("kind", kind), new("reason", reason ?? "unknown"));
                break;
            default:
                _failed.Add(1, Tag("kind", kind));
                break;
        }
    }

    public void ReminderRetried(ReminderKind kind) => _retried.Add(1, Tag("kind", kind));

    public void BookingsRecoveredBy(int count) => _recovered.Add(count);

    private static KeyValuePair<string, object?> Tag<T>(string name, T value)
        where T : struct, Enum => new(name, JsonNames.Kebab(value.ToString()));
}
