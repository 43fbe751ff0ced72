using Microneedling.Domain.Clinics;
using Microneedling.Domain.Common;
using NodaTime;

namespace Microneedling.Domain.Availability;

/// <summary>
/// Free start times for a service at a location, from practitioners' weekly hours and days off,
/// existing bookings with their buffers, the service's own duration and buffer, the minimum notice
/// and the booking horizon, all in the clinic's time zone.
/// </summary>
public static class AvailabilityCalculator
{
    public const int MaxRangeDays = 93;

    public static AvailabilityResult Find(Clinic clinic, AvailabilityQuery query, Instant now, IReadOnlyList<BusyInterval> busy)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(busy);
        var rules = Check(clinic, query);
        if (!rules.IsAllowed)
        {
            return new AvailabilityResult([], rules);
        }

        var service = clinic.FindService(query.ServiceId)!;
        var slots = new List<Slot>();
        foreach (var practitioner in clinic.Practitioners)
        {
            if ((query.PractitionerId is null || practitioner.Id == query.PractitionerId)
                && practitioner.Offers(service.Id) && practitioner.WorksAt(query.LocationId))
            {
                AddSlots(slots, clinic, service, practitioner, query, now, Merge(busy, practitioner.Id));
            }
        }

        if (query.PractitionerId is null && clinic.Practitioners.Count > 1)
        {
            slots.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.PractitionerId, b.PractitionerId));
        }

        return new AvailabilityResult(slots, RuleResult.Allowed);
    }

    /// <summary>Whether the query names known things and a usable range; cheap, computes no slots.</summary>
    public static RuleResult Check(Clinic clinic, AvailabilityQuery query)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(query);
        var problems = new List<RuleViolation>();
        if (clinic.FindService(query.ServiceId) is null)
        {
            problems.Add(new("unknown-service", $"There is no service '{query.ServiceId}'."));
        }

        if (clinic.FindLocation(query.LocationId) is null)
        {
            problems.Add(new("unknown-location", $"There is no location '{query.LocationId}'."));
        }

        if (query.PractitionerId is { } pid && clinic.FindPractitioner(pid) is null)
        {
            problems.Add(new("unknown-practitioner", $"There is no practitioner '{pid}'."));
        }

        if (query.To < query.From)
        {
            problems.Add(new("range-reversed", "The range ends before it starts."));
        }
        else if (Period.Between(query.From, query.To, PeriodUnits.Days).Days >= MaxRangeDays)
        {
            problems.Add(new("range-too-long", $"Ask for at most {MaxRangeDays} days at a time."));
        }

        return new RuleResult(problems);
    }

    private static void AddSlots(List<Slot> slots, Clinic clinic, Service service, Practitioner practitioner, AvailabilityQuery query, Instant now, Interval[] busy)
    {
        var zone = clinic.TimeZone;
        var policy = clinic.Booking;
        var today = now.InZone(zone).Date;
        var first = query.From < today ? today : query.From;
        var horizon = today.PlusDays(policy.HorizonDays);
        var last = query.To > horizon ? horizon : query.To;
        var earliest = now + policy.MinimumNotice;
        var occupied = service.Duration + service.Buffer;
        var hours = practitioner.WeeklyHours.Where(h => h.LocationId == query.LocationId).OrderBy(h => h.Start).ToArray();
        var cursor = 0;

        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            if (practitioner.IsOff(date))
            {
                continue;
            }

            foreach (var shift in hours)
            {
                if (shift.Day != date.DayOfWeek)
                {
                    continue;
                }

                var shiftEnd = ClinicTimeResolution.WorkingEnd(zone, date + shift.End);
                var startLocal = date + shift.Start;
                var fixedOffset = FixedOffset(zone, startLocal, shiftEnd);
                for (var local = startLocal; local.TimeOfDay < shift.End && local.Date == date; local = local.Plus(policy.SlotStep))
                {
                    Instant start;
                    if (fixedOffset is { } offset)
                    {
                        start = local.WithOffset(offset).ToInstant();
                    }
                    else if (ClinicTimeResolution.OfferedStart(zone, local) is { } resolved)
                    {
                        start = resolved;
                    }
                    else
                    {
                        continue;
                    }

                    var end = start + service.Duration;
                    if (end > shiftEnd)
                    {
                        break;
                    }

                    if (start < earliest)
                    {
                        continue;
                    }

                    while (cursor < busy.Length && busy[cursor].End <= start)
                    {
                        cursor++;
                    }

                    if (cursor < busy.Length && busy[cursor].Start < start + occupied)
                    {
                        continue;
                    }

                    slots.Add(new Slot(practitioner.Id, start, end, local, fixedOffset ?? zone.GetUtcOffset(start)));
                }
            }
        }
    }

    /// <summary>The offset of a whole shift when no daylight-saving change falls inside it (the common case, and the fast one).</summary>
    private static Offset? FixedOffset(DateTimeZone zone, LocalDateTime start, Instant shiftEnd)
    {
        var mapping = zone.MapLocal(start);
        if (mapping.Count != 1)
        {
            return null;
        }

        var interval = zone.GetZoneInterval(mapping.First().ToInstant());
        return !interval.HasEnd || interval.End > shiftEnd ? interval.WallOffset : null;
    }

    /// <summary>One practitioner's busy time as sorted, disjoint intervals, so a single forward sweep finds conflicts.</summary>
    private static Interval[] Merge(IReadOnlyList<BusyInterval> busy, string practitionerId)
    {
        var mine = busy.Where(b => b.PractitionerId == practitionerId && b.End > b.Start).OrderBy(b => b.Start).ToList();
        var merged = new List<Interval>(mine.Count);
        foreach (var b in mine)
        {
            if (merged.Count > 0 && b.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = new Interval(last.Start, b.End > last.End ? b.End : last.End);
            }
            else
            {
                merged.Add(new Interval(b.Start, b.End));
            }
        }

        return [.. merged];
    }
}
