using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using IcalCalendar = Ical.Net.Calendar;

namespace Microneedling.Calendar;

/// <summary>
/// The rules of RFC 5545 and RFC 5546 (iTIP) that Ical.Net's serializer does not check, checked on
/// the model it is about to write, so a file that breaks one is never sent.
/// </summary>
public static class ItipRules
{
    public static IReadOnlyList<string> Problems(IcalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var problems = new List<string>();
        var events = calendar.Events;
        if (events.Count == 0)
        {
            problems.Add("A calendar needs at least one component besides its time zones (RFC 5545 3.6).");
        }

        var scheduling = calendar.Method is CalendarMethods.Request or CalendarMethods.Cancel;
        var uids = events.Select(e => e.Uid).Distinct(StringComparer.Ordinal).Count();
        if (scheduling && uids != 1)
        {
            problems.Add($"A {calendar.Method} concerns exactly one event UID (RFC 5546 3.2); this one has {uids}.");
        }
        else if (!scheduling && uids != events.Count)
        {
            problems.Add("Two events share a UID.");
        }

        foreach (var e in events)
        {
            problems.AddRange(EventProblems(calendar, e, scheduling));
        }

        problems.AddRange(calendar.TimeZones.Where(z => z.TimeZoneInfos.Count == 0)
            .Select(z => $"VTIMEZONE {z.TzId} has no STANDARD or DAYLIGHT section."));
        return problems;
    }

    public static void ThrowIfInvalid(IcalCalendar calendar)
    {
        var problems = Problems(calendar);
        if (problems.Count > 0)
        {
            throw new ArgumentException("The calendar breaks iCalendar rules: " + string.Join(" ", problems), nameof(calendar));
        }
    }

    private static IEnumerable<string> EventProblems(IcalCalendar calendar, CalendarEvent e, bool scheduling)
    {
        if (string.IsNullOrWhiteSpace(e.Uid))
        {
            yield return "Every event needs a UID.";
        }

        if (scheduling && e.Organizer is null)
        {
            yield return $"Event {e.Uid}: a {calendar.Method} needs an ORGANIZER.";
        }

        if (calendar.Method == CalendarMethods.Cancel && e.Status != EventStatus.Cancelled)
        {
            yield return $"Event {e.Uid}: a CANCEL's events must have STATUS:CANCELLED.";
        }

        if (e.DtStart is null || e.DtEnd is null)
        {
            yield return $"Event {e.Uid}: needs a start and an end.";
            yield break;
        }

        if (e.DtStart.HasTime != e.DtEnd.HasTime)
        {
            yield return $"Event {e.Uid}: start and end must both be dates or both be date-times.";
        }

        foreach (var tzid in new[] { e.DtStart.TzId, e.DtEnd.TzId }.Distinct())
        {
            if (tzid is not null and not CalDateTime.UtcTzId && !calendar.TimeZones.Any(z => z.TzId == tzid))
            {
                yield return $"Event {e.Uid} uses TZID {tzid} but the calendar has no VTIMEZONE for it.";
            }
        }

        if (e.Organizer?.Value is { } organizer && e.Attendees.Any(a => Same(a.Value, organizer)))
        {
            yield return $"Event {e.Uid}: the organizer cannot also be an attendee.";
        }
    }

    private static bool Same(Uri? a, Uri b) => a is not null && string.Equals(a.OriginalString, b.OriginalString, StringComparison.OrdinalIgnoreCase);
}
