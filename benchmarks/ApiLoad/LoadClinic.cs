using System.Text.Json.Nodes;

namespace ApiLoad;

/// <summary>A clinic big enough that 30 s of bookings never runs out of distinct slots: 20 practitioners, weekdays 08:00-20:00.</summary>
internal static class LoadClinic
{
    public const int Practitioners = 20;
    public static readonly TimeOnly DayStart = new(8, 0);
    public const int SessionsPerDay = 9; // 9 x (60 min + 15 min buffer) fit in 12 hours

    public static string Json()
    {
        var weekdays = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" };
        var practitioners = new JsonArray([.. Enumerable.Range(1, Practitioners).Select(i => (JsonNode)new JsonObject
        {
            ["Id"] = $"p{i:D2}",
            ["Name"] = $"Practitioner {i}",
            ["ServiceIds"] = new JsonArray("microneedling"),
            ["WeeklyHours"] = new JsonArray([.. weekdays.Select(d => (JsonNode)new JsonObject { ["Day"] = d, ["Start"] = "08:00", ["End"] = "20:00", ["LocationId"] = "main" })]),
        })]);
        return new JsonObject
        {
            ["Clinic"] = new JsonObject
            {
                ["Name"] = "Load Clinic", ["Domain"] = "load.example", ["SenderEmail"] = "bookings@load.example", ["TimeZone"] = "Europe/London",
                ["Currency"] = "GBP", ["PublicBaseUrl"] = "https://load.example",
                ["Locations"] = new JsonArray(new JsonObject { ["Id"] = "main", ["Name"] = "Main", ["Address"] = "1 Road" }),
                ["Services"] = new JsonArray(new JsonObject { ["Id"] = "microneedling", ["Name"] = "Microneedling", ["Kind"] = "Microneedling", ["DurationMinutes"] = 60, ["BufferMinutes"] = 15, ["Price"] = 300 }),
                ["Practitioners"] = practitioners,
                ["Booking"] = new JsonObject { ["MinimumNoticeHours"] = 24, ["HorizonDays"] = 365, ["SlotStepMinutes"] = 15 },
            },
        }.ToJsonString();
    }

    /// <summary>Non-overlapping bookable starts, spread over practitioners and days (UTC; London is UTC in winter, +1 in summer).</summary>
    public static IEnumerable<(string Practitioner, DateTimeOffset Start)> Slots(DateOnly firstDay)
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        for (var day = firstDay; day < firstDay.AddDays(300); day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            for (var k = 0; k < SessionsPerDay; k++)
            {
                var local = day.ToDateTime(DayStart).AddMinutes(75 * k);
                var start = new DateTimeOffset(local, london.GetUtcOffset(local));
                for (var p = 1; p <= Practitioners; p++)
                {
                    yield return ($"p{p:D2}", start);
                }
            }
        }
    }
}
