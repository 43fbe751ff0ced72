using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Microneedling.Domain.Calendars;
using NodaTime;
using IcalCalendar = Ical.Net.Calendar;
using IcalDuration = Ical.Net.DataTypes.Duration;

namespace Microneedling.Calendar;

/// <summary>The domain's session calendar as Ical.Net's object model, with its VTIMEZONE from NodaTime.</summary>
internal static class IcalMapping
{
    public const string ProdId = "-//MicroneedlingFunctions//Bookings 1.0//EN";

    /// <summary>The VTIMEZONE covers the file's timed events with a day to spare on each side.</summary>
    private static readonly NodaTime.Duration ZoneMargin = NodaTime.Duration.FromDays(1);

    public static IcalCalendar ToIcal(SessionCalendar calendar)
    {
        var ical = new IcalCalendar
        {
            ProductId = ProdId,
            Scale = CalendarScales.Gregorian,
            Method = calendar.Method switch
            {
                CalendarMethod.Request => CalendarMethods.Request,
                CalendarMethod.Cancel => CalendarMethods.Cancel,
                _ => CalendarMethods.Publish,
            },
        };
        var stamp = new CalDateTime(calendar.Stamp.ToDateTimeUtc());
        var events = new CalendarEvent[calendar.Events.Count];
        Instant? from = null, to = null;
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = Event(calendar.Events[i], stamp, calendar.Zone);
            if (calendar.Events[i].Time is TimedEvent t && events[i].DtStart!.TzId == calendar.Zone.Id)
            {
                from = from < t.Start ? from : t.Start;
                to = to > t.End ? to : t.End;
            }
        }

        if (from is { } first && to is { } last)
        {
            // Before the events, for readers that resolve a TZID as they meet it.
            ical.TimeZones.Add(TimeZoneDefinitions.For(calendar.Zone, first - ZoneMargin, last + ZoneMargin));
        }

        foreach (var e in events)
        {
            ical.Events.Add(e);
        }

        return ical;
    }

    private static CalendarEvent Event(SessionCalendarEvent e, CalDateTime stamp, DateTimeZone zone)
    {
        var (start, end) = Times(e, zone);
        var item = new CalendarEvent
        {
            Uid = e.Uid,
            DtStamp = stamp,
            DtStart = start,
            DtEnd = end,
            Sequence = e.Sequence,
            Status = e.Status switch
            {
                CalendarEventStatus.Tentative => EventStatus.Tentative,
                CalendarEventStatus.Cancelled => EventStatus.Cancelled,
                _ => EventStatus.Confirmed,
            },
            Summary = CalendarText.Text(e.Summary),
            Location = e.Location is null ? null : CalendarText.Text(e.Location),
            Description = e.Description.Count == 0 ? null : CalendarText.Text(string.Join('\n', e.Description)),
            Url = e.Url,
            Class = "PRIVATE",
            Transparency = e.Status == CalendarEventStatus.Cancelled ? "TRANSPARENT" : "OPAQUE",
            Organizer = new Organizer(Mailto(e.Organizer.Email)),
        };
        if (CommonName(e.Organizer) is { } organizerName)
        {
            item.Organizer.CommonName = organizerName;
        }

        if (e.Attendee is { } attendee)
        {
            var invitee = new Attendee(Mailto(attendee.Email));
            if (CommonName(attendee) is { } attendeeName)
            {
                invitee.CommonName = attendeeName;
            }

            invitee.Role = ParticipationRole.RequiredParticipant;
            invitee.ParticipationStatus = EventParticipationStatus.NeedsAction;
            invitee.Rsvp = true;
            item.Attendees.Add(invitee);
        }

        if (e.AlarmBefore is { } before)
        {
            item.Alarms.Add(new Alarm
            {
                Action = AlarmAction.Display,
                Description = item.Summary,
                Trigger = new Trigger(-IcalDuration.FromTimeSpanExact(before.ToTimeSpan())),
            });
        }

        return item;
    }

    /// <summary>
    /// Wall-clock times in the clinic's zone, unless start or end is a local time that happens twice
    /// (autumn overlap): RFC 5545 reads such a time as its first occurrence, ical.js (and with it
    /// clients built on it) as its second, so then both are written in UTC, which every client
    /// reads alike. Whole days are dates, the end exclusive.
    /// </summary>
    private static (CalDateTime Start, CalDateTime End) Times(SessionCalendarEvent e, DateTimeZone zone)
    {
        switch (e.Time)
        {
            case TimedEvent timed:
                var start = timed.Start.InZone(zone).LocalDateTime;
                var end = timed.End.InZone(zone).LocalDateTime;
                return zone.MapLocal(start).Count == 1 && zone.MapLocal(end).Count == 1
                    ? (InZone(start, zone), InZone(end, zone))
                    : (new CalDateTime(timed.Start.ToDateTimeUtc()), new CalDateTime(timed.End.ToDateTimeUtc()));
            case AllDayEvent day:
                return (new CalDateTime(day.Date.ToDateOnly()), new CalDateTime(day.Date.PlusDays(1).ToDateOnly()));
            default:
                throw new ArgumentException($"Event {e.Uid} has no time.", nameof(e));
        }
    }

    private static CalDateTime InZone(LocalDateTime local, DateTimeZone zone) =>
        new(local.Date.ToDateOnly(), local.TimeOfDay.ToTimeOnly(), zone.Id);

    private static string Mailto(string email) => "mailto:" + email;

    /// <summary>
    /// The CN parameter, or null for a name with nothing to show; then it must not be set at all:
    /// Ical.Net writes an empty <c>CN=</c> for a blank name and for a null one alike.
    /// </summary>
    private static string? CommonName(CalendarUser user) =>
        user.CommonName is { } name && CalendarText.Parameter(name) is var cn && !string.IsNullOrWhiteSpace(cn) ? cn : null;
}
