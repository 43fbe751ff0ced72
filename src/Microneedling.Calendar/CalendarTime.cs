namespace Microneedling.Calendar;

/// <summary>
/// An event time as iCalendar writes it: a UTC instant (<c>...Z</c>), a wall-clock time in a named
/// zone (<c>TZID=...</c>, which then needs a VTIMEZONE), or a whole day (<c>VALUE=DATE</c>).
/// </summary>
public readonly record struct CalendarTime
{
    private CalendarTime(DateTime value, string? tzId, bool isDate)
    {
        Value = value;
        TzId = tzId;
        IsDate = isDate;
    }

    public DateTime Value { get; }

    public string? TzId { get; }

    public bool IsDate { get; }

    public bool IsUtc => TzId is null && !IsDate;

    public static CalendarTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime, null, false);

    public static CalendarTime Local(DateTime wallClock, string tzId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tzId);
        return new(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), tzId, false);
    }

    public static CalendarTime Date(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), null, true);
}
