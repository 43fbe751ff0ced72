using NodaTime;

namespace Microneedling.Domain.Clinics;

/// <summary>Quiet hours as a local time range that may wrap past midnight (21:00-08:00).</summary>
public static class QuietHours
{
    public static bool Contains(LocalTime start, LocalTime end, LocalTime time) =>
        start == end ? false
        : start < end ? time >= start && time < end
        : time >= start || time < end;
}
