using BenchmarkDotNet.Attributes;
using Microneedling.Domain.Availability;
using Microneedling.Domain.Clinics;
using NodaTime;

namespace Microneedling.Benchmarks;

/// <summary>One practitioner, weekdays 09:00-17:30, 90 days asked for, 500 bookings already in that range.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class AvailabilityBenchmarks
{
    private static readonly Instant Now = Instant.FromUtc(2027, 1, 4, 8, 0);
    private Clinic _clinic = null!;
    private BusyInterval[] _busy = null!;
    private AvailabilityQuery _query = null!;

    [GlobalSetup]
    public void Setup()
    {
        _clinic = ClinicFactory.Create(new ClinicSettings
        {
            Name = "Bench", Domain = "bench.example", SenderEmail = "a@bench.example", TimeZone = "Europe/London", Currency = "GBP",
            PublicBaseUrl = "https://bench.example",
            Locations = [new() { Id = "main", Name = "Main", Address = "1 Road" }],
            Services = [new() { Id = "microneedling", Name = "Microneedling", DurationMinutes = 60, BufferMinutes = 15, Price = 300 }],
            Practitioners =
            [
                new()
                {
                    Id = "p1", Name = "P1", ServiceIds = ["microneedling"],
                    WeeklyHours = [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
                        .Select(d => new WorkingHoursSettings { Day = d, Start = "09:00", End = "17:30", LocationId = "main" })],
                },
            ],
        }).Clinic!;

        var random = new Random(20270104);
        var firstDay = Now.InZone(_clinic.TimeZone).Date;
        _busy = [.. Enumerable.Range(0, 500).Select(_ =>
        {
            var day = firstDay.PlusDays(random.Next(1, 90));
            var start = (day + new LocalTime(9, 0).PlusMinutes(15 * random.Next(0, 30))).InZoneLeniently(_clinic.TimeZone).ToInstant();
            return new BusyInterval("p1", start, start + Duration.FromMinutes(75));
        })];
        _query = new AvailabilityQuery("microneedling", "main", "p1", firstDay, firstDay.PlusDays(89));
    }

    [Benchmark]
    public int NinetyDaysFiveHundredBookings() => AvailabilityCalculator.Find(_clinic, _query, Now, _busy).Slots.Count;
}
