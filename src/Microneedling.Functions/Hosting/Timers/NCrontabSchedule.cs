using NCrontab;

namespace Microneedling.Functions.Hosting.Timers;

/// <summary>
/// A timer schedule as the Functions host reads it: NCrontab (the package the host uses), six fields
/// with seconds (<c>second minute hour day month day-of-week</c>) or five without, evaluated in UTC
/// (Linux plans ignore WEBSITE_TIME_ZONE).
/// </summary>
public sealed class NCrontabSchedule
{
    /// <summary>How far ahead an occurrence is looked for before the schedule counts as never firing.</summary>
    private const int SearchYears = 5;

    private readonly CrontabSchedule _schedule;

    private NCrontabSchedule(string expression, CrontabSchedule schedule)
    {
        Expression = expression;
        _schedule = schedule;
    }

    public string Expression { get; }

    public static NCrontabSchedule Parse(string expression) =>
        TryParse(expression, out var schedule, out var error) ? schedule : throw new FormatException(error);

    public static bool TryParse(string expression, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out NCrontabSchedule? schedule, out string error)
    {
        ArgumentNullException.ThrowIfNull(expression);

        // The host's rule: five fields mean no seconds, anything else is parsed with seconds.
        var options = new CrontabSchedule.ParseOptions { IncludingSeconds = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 5 };
        (schedule, error) = CrontabSchedule.TryParse(expression, options,
            parsed => (new NCrontabSchedule(expression, parsed), string.Empty),
            failure => ((NCrontabSchedule?)null, $"'{expression}' is not a valid NCRONTAB expression: {failure().Message}"));
        return schedule is not null;
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in UTC.</summary>
    public DateTimeOffset GetNextOccurrence(DateTimeOffset after)
    {
        var from = after.UtcDateTime;
        var end = from.AddYears(SearchYears);
        var next = _schedule.GetNextOccurrence(from, end);
        return next < end
            ? new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc))
            : throw new InvalidOperationException($"The schedule '{Expression}' has no occurrence within {SearchYears} years of {after:O}.");
    }
}
