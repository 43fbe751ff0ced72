using BenchmarkDotNet.Attributes;
using Microneedling.Calendar;
using Microneedling.Domain.Calendars;
using Microneedling.Domain.Clinics;
using NodaTime;

namespace Microneedling.Benchmarks;

/// <summary>
/// The calendars the product sends, the product's way: build the session calendar from a booking,
/// then write the file (Ical.Net's model and serializer, VTIMEZONE from NodaTime, iTIP checks).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class CalendarBenchmarks
{
    private Clinic _clinic = null!;
    private SessionCalendarDetails _session = null!;
    private PlanCalendarDetails _plan = null!;
    private Instant _now;

    [GlobalSetup]
    public void Setup()
    {
        _clinic = ClinicFactory.Create(new ClinicSettings
        {
            Name = "Clearskin Clinic", Domain = "clearskin.example", SenderEmail = "appointments@clearskin.example", TimeZone = "Europe/London",
            Currency = "GBP", PublicBaseUrl = "https://book.clearskin.example",
            Locations = [new() { Id = "city", Name = "City", Address = "1 High Street" }],
            Services = [new() { Id = "microneedling", Name = "Microneedling", DurationMinutes = 60, BufferMinutes = 15, Price = 300 }],
            Practitioners = [new() { Id = "amira", Name = "Amira Khan", ServiceIds = ["microneedling"], WeeklyHours = [new() { Day = DayOfWeek.Monday, Start = "09:00", End = "17:00", LocationId = "city" }] }],
        }).Clinic!;
        _now = Instant.FromUtc(2026, 11, 21, 12, 0);
        _session = Session(1, Instant.FromUtc(2027, 1, 11, 9, 0));

        // Six sessions five weeks apart from January: the plan crosses the spring change, so its VTIMEZONE has two sections.
        _plan = new PlanCalendarDetails("bk_7Qx2", [.. Enumerable.Range(1, 6).Select(n => Session(n, Instant.FromUtc(2027, 1, 11, 9, 0) + Duration.FromDays(35 * (n - 1))))],
            [], null, new Uri("https://book.clearskin.example/book"));
    }

    [Benchmark]
    public int SingleEventInvite() => CalendarFiles.ToBytes(SessionCalendars.ForSession(_clinic, _session, _now)).Length;

    [Benchmark]
    public int SixSessionPlan() => CalendarFiles.ToBytes(SessionCalendars.ForPlan(_clinic, _plan, _now)).Length;

    private static SessionCalendarDetails Session(int number, Instant start) =>
        new($"bk_7Qx2-{number}", 0, SessionCalendarState.Booked, start, start + Duration.FromHours(1),
            "City", "1 High Street", "Amira Khan", new CalendarUser("zoe@example.com", "Zoë O'Brien"), new Uri("https://book.clearskin.example/manage/bk_7Qx2"));
}
