using Microneedling.Domain.Calendars;
using Microneedling.Domain.Clinics;
using Microneedling.Testing;
using NodaTime;

namespace Microneedling.Calendar.Tests;

/// <summary>One patient's booking as each calendar the product produces sees it.</summary>
public static class SessionCalendarFixtures
{
    public static readonly Clinic Clinic = TestClinic.Create();
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 21, 12, 0);
    public static readonly Uri ManageUrl = new("https://book.clearskin.example/manage/bk_7Qx2#t=secret-token");

    public static SessionCalendarDetails Session(int sequence = 0, SessionCalendarState state = SessionCalendarState.Booked, Instant? start = null, string id = "ses_2027A-1")
    {
        var begin = start ?? Instant.FromUtc(2027, 1, 11, 9, 0);
        return new SessionCalendarDetails(id, sequence, state, begin, begin + Duration.FromHours(1),
            "City", "1 High Street", "Amira Khan", new CalendarUser("zoe@example.com", "Zoë O'Brien"), ManageUrl);
    }

    public static PlanCalendarDetails Plan() => new(
        "pln_2027A",
        [Session()],
        [
            new PlannedSessionDetails("ses_2027A-2", 2, new LocalDate(2027, 2, 8), new LocalDate(2027, 2, 8), new LocalDate(2027, 2, 22)),
            new PlannedSessionDetails("ses_2027A-3", 3, new LocalDate(2027, 3, 8), new LocalDate(2027, 3, 8), new LocalDate(2027, 3, 22)),
        ],
        new LocalDate(2028, 3, 8),
        new Uri("https://book.clearskin.example/plans/pln_2027A"));

    /// <summary>A series of two whose second session was cancelled (sequence raised to 1).</summary>
    public static IReadOnlyList<SessionCalendarDetails> SeriesWithACancellation() =>
        [Session(), Session(1, SessionCalendarState.Cancelled, Instant.FromUtc(2027, 2, 8, 9, 0), "ses_2027A-2")];

    public static IReadOnlyDictionary<string, SessionCalendar> Kinds => new Dictionary<string, SessionCalendar>
    {
        ["invite"] = SessionCalendars.ForSession(Clinic, Session(), Now),
        ["update"] = SessionCalendars.ForSession(Clinic, Session(1, start: Instant.FromUtc(2027, 1, 18, 10, 0)), Now),
        ["cancel"] = SessionCalendars.ForSession(Clinic, Session(2, SessionCalendarState.Cancelled, Instant.FromUtc(2027, 1, 18, 10, 0)), Now),
        ["plan"] = SessionCalendars.ForPlan(Clinic, Plan(), Now),
        ["series"] = SessionCalendars.ForBooking(Clinic, SeriesWithACancellation(), Now),
    };

    public static byte[] Bytes(string kind) => CalendarFiles.ToBytes(Kinds[kind]);
}
