using System.Globalization;

namespace Microneedling.Functions.Timers;

/// <summary>
/// A six-field NCRONTAB schedule (<c>second minute hour day month day-of-week</c>) as Azure
/// Functions timer triggers read it, evaluated in UTC (Linux plans ignore WEBSITE_TIME_ZONE).
/// Day-of-month and day-of-week must both match, as in NCrontab.
/// </summary>
public sealed class NCrontabSchedule
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
    private const int SearchYears = 5;

    private readonly bool[] _seconds;
    private readonly bool[] _minutes;
    private readonly bool[] _hours;
    private readonly bool[] _days;
    private readonly bool[] _months;
    private readonly bool[] _daysOfWeek;

    private NCrontabSchedule(string expression, bool[][] fields)
    {
        Expression = expression;
        (_seconds, _minutes, _hours, _days, _months, _daysOfWeek) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
    }

    public string Expression { get; }

    public static NCrontabSchedule Parse(string expression) =>
        TryParse(expression, out var schedule, out var error) ? schedule : throw new FormatException(error);

    public static bool TryParse(string expression, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out NCrontabSchedule? schedule, out string error)
    {
        ArgumentNullException.ThrowIfNull(expression);
        schedule = null;
        var parts = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6)
        {
            error = $"'{expression}' is not a six-field NCRONTAB expression (second minute hour day month day-of-week).";
            return false;
        }

        var specs = new (string Name, int Min, int Max, string[]? Names)[]
        {
            ("second", 0, 59, null), ("minute", 0, 59, null), ("hour", 0, 23, null),
            ("day", 1, 31, null), ("month", 1, 12, MonthNames), ("day-of-week", 0, 6, DayNames),
        };
        var fields = new bool[6][];
        for (var i = 0; i < 6; i++)
        {
            if (!TryParseField(parts[i], specs[i].Min, specs[i].Max, specs[i].Names, out fields[i], out var fieldError))
            {
                error = $"'{expression}': {specs[i].Name} field '{parts[i]}' {fieldError}.";
                return false;
            }
        }

        schedule = new NCrontabSchedule(expression, fields);
        error = string.Empty;
        return true;
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in UTC.</summary>
    public DateTimeOffset GetNextOccurrence(DateTimeOffset after)
    {
        var utc = after.UtcDateTime;
        var start = new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc).AddSeconds(1);
        var date = start.Date;
        var lastDate = date.AddYears(SearchYears);
        for (; date <= lastDate; date = date.AddDays(1))
        {
            if (!_months[date.Month] || !_days[date.Day] || !_daysOfWeek[(int)date.DayOfWeek])
            {
                continue;
            }

            var sameDay = date == start.Date;
            if (FirstTimeOnDay(sameDay ? start.TimeOfDay : TimeSpan.Zero) is { } time)
            {
                return new DateTimeOffset(date + time, TimeSpan.Zero);
            }
        }

        throw new InvalidOperationException($"The schedule '{Expression}' has no occurrence within {SearchYears} years of {after:O}.");
    }

    private TimeSpan? FirstTimeOnDay(TimeSpan from)
    {
        for (var h = from.Hours; h < 24; h++)
        {
            if (!_hours[h])
            {
                continue;
            }

            var firstMinute = h == from.Hours ? from.Minutes : 0;
            for (var m = firstMinute; m < 60; m++)
            {
                if (!_minutes[m])
                {
                    continue;
                }

                var firstSecond = h == from.Hours && m == from.Minutes ? from.Seconds : 0;
                for (var s = firstSecond; s < 60; s++)
                {
                    if (_seconds[s])
                    {
                        return new TimeSpan(h, m, s);
                    }
                }
            }
        }

        return null;
    }

    private static bool TryParseField(string text, int min, int max, string[]? names, out bool[] allowed, out string error)
    {
        allowed = new bool[max + 1];
        foreach (var item in text.Split(','))
        {
            var slash = item.IndexOf('/', StringComparison.Ordinal);
            var rangeText = slash < 0 ? item : item[..slash];
            var step = 1;
            if (slash >= 0 && (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1))
            {
                error = "has a step that is not a positive whole number";
                return false;
            }

            int from, to;
            if (rangeText == "*")
            {
                (from, to) = (min, max);
            }
            else
            {
                var dash = rangeText.IndexOf('-', StringComparison.Ordinal);
                if (!TryParseValue(dash < 0 ? rangeText : rangeText[..dash], min, max, names, out from)
                    || !TryParseValue(dash < 0 ? rangeText : rangeText[(dash + 1)..], min, max, names, out to))
                {
                    error = $"needs values from {min} to {max}";
                    return false;
                }

                if (dash < 0 && slash >= 0)
                {
                    to = max;
                }

                if (from > to)
                {
                    error = "has a range whose start is after its end";
                    return false;
                }
            }

            for (var v = from; v <= to; v += step)
            {
                allowed[v] = true;
            }
        }

        error = string.Empty;
        return true;
    }

    private static bool TryParseValue(string text, int min, int max, string[]? names, out int value)
    {
        if (names is not null)
        {
            var index = Array.FindIndex(names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                value = index + min;
                return true;
            }
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }
}
