using System.Buffers;
using BenchmarkDotNet.Attributes;
using Microneedling.Calendar;
using Microneedling.Domain.Calendars;
using Microneedling.Domain.Clinics;
using NodaTime;

namespace Microneedling.Benchmarks;

/// <summary>
/// One session invite, the product's way: build the calendar from a booking (VTIMEZONE from the
/// IANA rules included) and write it into a reused buffer, as a sender streaming it out would.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class CalendarBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(8192);
    private Clinic _clinic = null!;
    private SessionCalendarDetails _session = null!;
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
        _session = new SessionCalendarDetails("ses_2027A-1", 0, SessionCalendarState.Booked, Instant.FromUtc(2027, 1, 11, 9, 0), Instant.FromUtc(2027, 1, 11, 10, 0),
            "City", "1 High Street", "Amira Khan", new CalendarUser("zoe@example.com", "Zoë O'Brien"), new Uri("https://book.clearskin.example/manage/bk_7Qx2#t=secret-token"));
    }

    [Benchmark]
    public int SingleEventInvite()
    {
        _buffer.ResetWrittenCount();
        CalendarWriter.Write(SessionCalendars.ForSession(_clinic, _session, _now), _buffer);
        return _buffer.WrittenCount;
    }
}
