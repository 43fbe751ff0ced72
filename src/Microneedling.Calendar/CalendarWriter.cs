using System.Buffers;
using System.Globalization;

namespace Microneedling.Calendar;

/// <summary>Writes a <see cref="VCalendar"/> as RFC 5545 text (UTF-8, no BOM) to a buffer or a stream.</summary>
public static class CalendarWriter
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static void Write(VCalendar calendar, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(output);
        Validate(calendar);
        var w = new ContentLineWriter(output);
        w.Line("BEGIN:VCALENDAR");
        w.Ascii("PRODID:");
        w.Text(calendar.ProdId);
        w.EndLine();
        w.Line("VERSION:2.0");
        w.Line("CALSCALE:GREGORIAN");
        if (calendar.Method is { } method)
        {
            w.Line(method switch
            {
                CalendarMethod.Request => "METHOD:REQUEST",
                CalendarMethod.Cancel => "METHOD:CANCEL",
                _ => "METHOD:PUBLISH",
            });
        }

        foreach (var zone in calendar.TimeZones)
        {
            WriteTimeZone(w, zone);
        }

        foreach (var e in calendar.Events)
        {
            WriteEvent(w, e);
        }

        w.Line("END:VCALENDAR");
    }

    public static async Task WriteAsync(VCalendar calendar, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new ArrayBufferWriter<byte>(4096);
        Write(calendar, buffer);
        await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    public static byte[] ToBytes(VCalendar calendar)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        Write(calendar, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static void Validate(VCalendar calendar)
    {
        if (calendar.Method is CalendarMethod.Request or CalendarMethod.Cancel)
        {
            // RFC 5546: one scheduling message concerns one event (one UID).
            if (calendar.Events.Select(e => e.Uid).Distinct(StringComparer.Ordinal).Count() != 1)
            {
                throw new ArgumentException("A REQUEST or CANCEL carries exactly one event UID.", nameof(calendar));
            }

            foreach (var e in calendar.Events.Where(e => e.Organizer is null))
            {
                throw new ArgumentException($"Event {e.Uid}: a REQUEST or CANCEL needs an ORGANIZER.", nameof(calendar));
            }
        }

        if (calendar.Method == CalendarMethod.Cancel && calendar.Events.Any(e => e.Status != EventStatus.Cancelled))
        {
            throw new ArgumentException("A CANCEL's events must have STATUS:CANCELLED.", nameof(calendar));
        }

        var zones = calendar.TimeZones.Select(z => z.TzId).ToHashSet(StringComparer.Ordinal);
        foreach (var e in calendar.Events)
        {
            if (string.IsNullOrWhiteSpace(e.Uid))
            {
                throw new ArgumentException("Every event needs a UID.", nameof(calendar));
            }

            foreach (var t in new[] { e.Start, e.End })
            {
                if (t.TzId is { } tzid && !zones.Contains(tzid))
                {
                    throw new ArgumentException($"Event {e.Uid} uses TZID {tzid} but the calendar has no VTIMEZONE for it.", nameof(calendar));
                }
            }

            if (e.Start.IsDate != e.End.IsDate)
            {
                throw new ArgumentException($"Event {e.Uid}: start and end must both be dates or both be date-times.", nameof(calendar));
            }

            if (e.Attendees?.Any(a => e.Organizer is not null && string.Equals(a.User.Email, e.Organizer.Email, StringComparison.OrdinalIgnoreCase)) == true)
            {
                throw new ArgumentException($"Event {e.Uid}: the organizer cannot also be an attendee.", nameof(calendar));
            }
        }
    }

    private static void WriteTimeZone(ContentLineWriter w, VTimeZone zone)
    {
        w.Line("BEGIN:VTIMEZONE");
        w.Ascii("TZID:");
        w.Text(zone.TzId);
        w.EndLine();
        foreach (var o in zone.Observances)
        {
            w.Line(o.IsDaylight ? "BEGIN:DAYLIGHT" : "BEGIN:STANDARD");
            w.Ascii("DTSTART:");
            WriteDateTime(w, o.LocalStart, utc: false);
            w.EndLine();
            w.Ascii("TZOFFSETFROM:");
            WriteOffset(w, o.OffsetFrom);
            w.EndLine();
            w.Ascii("TZOFFSETTO:");
            WriteOffset(w, o.OffsetTo);
            w.EndLine();
            if (!string.IsNullOrEmpty(o.Name))
            {
                w.Ascii("TZNAME:");
                w.Text(o.Name);
                w.EndLine();
            }

            w.Line(o.IsDaylight ? "END:DAYLIGHT" : "END:STANDARD");
        }

        w.Line("END:VTIMEZONE");
    }

    private static void WriteEvent(ContentLineWriter w, VEvent e)
    {
        w.Line("BEGIN:VEVENT");
        w.Ascii("UID:");
        w.Text(e.Uid);
        w.EndLine();
        w.Ascii("DTSTAMP:");
        WriteDateTime(w, e.Stamp.UtcDateTime, utc: true);
        w.EndLine();
        WriteTime(w, "DTSTART", e.Start);
        WriteTime(w, "DTEND", e.End);
        w.Ascii("SEQUENCE:");
        WriteInt(w, e.Sequence);
        w.EndLine();
        w.Line(e.Status switch
        {
            EventStatus.Tentative => "STATUS:TENTATIVE",
            EventStatus.Cancelled => "STATUS:CANCELLED",
            _ => "STATUS:CONFIRMED",
        });
        WriteText(w, "SUMMARY:", e.Summary);
        WriteText(w, "LOCATION:", e.Location);
        if (e.Description is { Count: > 0 } paragraphs)
        {
            w.Ascii("DESCRIPTION:");
            for (var i = 0; i < paragraphs.Count; i++)
            {
                if (i > 0)
                {
                    w.Text("\n");
                }

                w.Text(paragraphs[i]);
            }

            w.EndLine();
        }

        if (e.Url is { } url)
        {
            w.Ascii("URL:");
            w.Uri(url.AbsoluteUri);
            w.EndLine();
        }

        w.Line(e.Class switch
        {
            EventClass.Private => "CLASS:PRIVATE",
            EventClass.Confidential => "CLASS:CONFIDENTIAL",
            _ => "CLASS:PUBLIC",
        });
        if (e.Organizer is { } organizer)
        {
            w.Ascii("ORGANIZER");
            WriteUser(w, organizer);
        }

        foreach (var attendee in e.Attendees ?? [])
        {
            w.Ascii("ATTENDEE");
            if (attendee.User.CommonName is { Length: > 0 } cn)
            {
                w.Parameter("CN", cn);
            }

            w.Ascii(";ROLE=REQ-PARTICIPANT;PARTSTAT=");
            w.Ascii(attendee.Status switch
            {
                ParticipationStatus.Accepted => "ACCEPTED",
                ParticipationStatus.Declined => "DECLINED",
                ParticipationStatus.Tentative => "TENTATIVE",
                _ => "NEEDS-ACTION",
            });
            w.Ascii(attendee.Rsvp ? ";RSVP=TRUE:mailto:" : ";RSVP=FALSE:mailto:");
            w.Uri(attendee.User.Email);
            w.EndLine();
        }

        w.Line(e.Status == EventStatus.Cancelled ? "TRANSP:TRANSPARENT" : "TRANSP:OPAQUE");
        if (e.Alarm is { } alarm)
        {
            w.Line("BEGIN:VALARM");
            w.Line("ACTION:DISPLAY");
            WriteText(w, "DESCRIPTION:", alarm.Description);
            w.Ascii("TRIGGER:-PT");
            WriteInt(w, (int)Math.Round(alarm.BeforeStart.TotalMinutes));
            w.Ascii("M");
            w.EndLine();
            w.Line("END:VALARM");
        }

        w.Line("END:VEVENT");
    }

    private static void WriteUser(ContentLineWriter w, CalendarUser user)
    {
        if (user.CommonName is { Length: > 0 } cn)
        {
            w.Parameter("CN", cn);
        }

        w.Ascii(":mailto:");
        w.Uri(user.Email);
        w.EndLine();
    }

    private static void WriteText(ContentLineWriter w, string prefix, string? value)
    {
        if (value is null)
        {
            return;
        }

        w.Ascii(prefix);
        w.Text(value);
        w.EndLine();
    }

    private static void WriteTime(ContentLineWriter w, string name, CalendarTime time)
    {
        w.Ascii(name);
        if (time.IsDate)
        {
            w.Ascii(";VALUE=DATE:");
            Span<byte> digits = stackalloc byte[8];
            WriteDigits(digits, time.Value.Year, 4);
            WriteDigits(digits[4..], time.Value.Month, 2);
            WriteDigits(digits[6..], time.Value.Day, 2);
            w.Ascii(digits);
        }
        else if (time.TzId is { } tzid)
        {
            w.Parameter("TZID", tzid);
            w.Ascii(":");
            WriteDateTime(w, time.Value, utc: false);
        }
        else
        {
            w.Ascii(":");
            WriteDateTime(w, time.Value, utc: true);
        }

        w.EndLine();
    }

    private static void WriteDateTime(ContentLineWriter w, DateTime value, bool utc)
    {
        Span<byte> text = stackalloc byte[16];
        WriteDigits(text, value.Year, 4);
        WriteDigits(text[4..], value.Month, 2);
        WriteDigits(text[6..], value.Day, 2);
        text[8] = (byte)'T';
        WriteDigits(text[9..], value.Hour, 2);
        WriteDigits(text[11..], value.Minute, 2);
        WriteDigits(text[13..], value.Second, 2);
        text[15] = (byte)'Z';
        w.Ascii(utc ? text : text[..15]);
    }

    private static void WriteOffset(ContentLineWriter w, TimeSpan offset)
    {
        Span<byte> text = stackalloc byte[7];
        text[0] = offset < TimeSpan.Zero ? (byte)'-' : (byte)'+';
        var abs = offset.Duration();
        WriteDigits(text[1..], abs.Hours, 2);
        WriteDigits(text[3..], abs.Minutes, 2);
        if (abs.Seconds != 0)
        {
            WriteDigits(text[5..], abs.Seconds, 2);
            w.Ascii(text);
        }
        else
        {
            w.Ascii(text[..5]);
        }
    }

    private static void WriteInt(ContentLineWriter w, int value)
    {
        Span<char> text = stackalloc char[11];
        value.TryFormat(text, out var written, default, CultureInfo.InvariantCulture);
        w.Ascii(text[..written]);
    }

    private static void WriteDigits(Span<byte> target, int value, int count)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            target[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
