using System.Text;
using Ical.Net.Serialization;
using Microneedling.Domain.Calendars;

namespace Microneedling.Calendar;

/// <summary>Writes a session calendar as an iCalendar file (UTF-8, no BOM) with Ical.Net, after checking the iTIP rules.</summary>
public static class CalendarFiles
{
    public const string ContentType = "text/calendar; charset=utf-8";

    // A serializer keeps a context stack while it writes, so each thread reuses its own.
    [ThreadStatic]
    private static CalendarSerializer? t_serializer;

    /// <summary>The media type of an emailed file: the method parameter is what makes Outlook treat it as an invitation or cancellation.</summary>
    public static string AttachmentContentType(CalendarMethod method) => method switch
    {
        CalendarMethod.Request => ContentType + "; method=REQUEST",
        CalendarMethod.Cancel => ContentType + "; method=CANCEL",
        _ => ContentType + "; method=PUBLISH",
    };

    public static byte[] ToBytes(SessionCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var ical = IcalMapping.ToIcal(calendar);
        ItipRules.ThrowIfInvalid(ical);
        var serializer = t_serializer ??= new CalendarSerializer();
        return Encoding.UTF8.GetBytes(LineFolding.Repair(serializer.SerializeToString(ical)!));
    }
}
