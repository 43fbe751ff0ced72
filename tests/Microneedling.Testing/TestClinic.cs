using Microneedling.Domain.Clinics;

namespace Microneedling.Testing;

/// <summary>A small valid clinic: one location, a consultation and a microneedling service, two practitioners.</summary>
public static class TestClinic
{
    public static ClinicSettings Settings(string zone = "Europe/London") => new()
    {
        Name = "Clearskin Clinic",
        Domain = "clearskin.example",
        SenderEmail = "appointments@clearskin.example",
        TimeZone = zone,
        Currency = "GBP",
        PublicBaseUrl = "https://book.clearskin.example",
        Locations = [new() { Id = "city", Name = "City", Address = "1 High Street" }, new() { Id = "north", Name = "North", Address = "2 Hill Road" }],
        AddOns = [new() { Id = "prp", Name = "PRP", Price = 250 }, new() { Id = "vitamin-c", Name = "Vitamin C serum", Price = 40 }],
        Services =
        [
            new() { Id = "consultation", Name = "Consultation", Kind = ServiceKind.Consultation, DurationMinutes = 30, BufferMinutes = 0, Price = 0 },
            new() { Id = "microneedling", Name = "Microneedling", Kind = ServiceKind.Microneedling, DurationMinutes = 60, BufferMinutes = 15, Price = 300, AddOnIds = ["prp", "vitamin-c"] },
        ],
        Practitioners =
        [
            new()
            {
                Id = "amira", Name = "Amira Khan", ServiceIds = ["consultation", "microneedling"],
                WeeklyHours =
                [
                    new() { Day = DayOfWeek.Monday, Start = "09:00", End = "17:00", LocationId = "city" },
                    new() { Day = DayOfWeek.Tuesday, Start = "09:00", End = "12:00", LocationId = "city" },
                    new() { Day = DayOfWeek.Tuesday, Start = "13:00", End = "17:00", LocationId = "north" },
                ],
                DaysOff = ["2026-12-24/2026-12-31"],
            },
            new()
            {
                Id = "ben", Name = "Ben Ortiz", ServiceIds = ["microneedling"],
                WeeklyHours = [new() { Day = DayOfWeek.Monday, Start = "10:00", End = "14:00", LocationId = "city" }],
            },
        ],
        Booking = new() { MinimumNoticeHours = 24, HorizonDays = 180, SlotStepMinutes = 15 },
    };

    public static Clinic Create(string zone = "Europe/London") => Build(Settings(zone));

    public static Clinic Build(ClinicSettings settings)
    {
        var result = ClinicFactory.Create(settings);
        return result.Clinic ?? throw new InvalidOperationException(string.Join("\n", result.Errors));
    }
}
