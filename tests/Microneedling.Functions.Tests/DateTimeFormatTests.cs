using System.Text.Json;
using System.Text.Json.Nodes;
using Microneedling.Functions.Tests.Contract;
using Microneedling.Testing;
using NodaTime.Text;

namespace Microneedling.Functions.Tests;

/// <summary>
/// Every date-time the API returns is read by clinic websites with JavaScript's <c>Date</c>: it
/// must be RFC 3339 (<c>Z</c> or a full <c>+hh:mm</c>) and mean the same instant there, on both
/// sides of daylight-saving changes, west of UTC and in half-hour zones.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DateTimeFormatTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("Europe/London", "America/New_York", "2027-03-26", "2027-03-29", "+01:00", "-04:00")]
    [InlineData("Asia/Kolkata", "Australia/Adelaide", "2027-04-02", "2027-04-05", "+05:30", "+09:30")]
    [InlineData("Australia/Adelaide", "Europe/Dublin", "2027-04-02", "2027-04-05", "+10:30", "+01:00")]
    [InlineData("America/New_York", "Asia/Kolkata", "2027-03-12", "2027-03-15", "-05:00", "+05:30")]
    public async Task Times_parse_in_javascript_as_the_same_instants(string clinicZone, string displayZone, string from, string to, string clinicOffset, string displayOffset)
    {
        using var api = new ApiFactory(azurite, extra: new Dictionary<string, string?> { ["Clinic:TimeZone"] = clinicZone });
        api.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero));

        using var response = await api.GetAsync($"/api/availability?serviceId=microneedling&locationId=soho&from={from}&to={to}&displayTimeZone={displayZone}");
        var slots = (await ApiFactory.JsonAsync(response))["slots"]!.AsArray();
        var texts = slots.SelectMany(s => new[] { s!["start"], s["end"], s["localStartInDisplayZone"] }).Select(t => t!.GetValue<string>()).ToList();

        Assert.NotEmpty(slots);
        Assert.Contains(texts, t => t.EndsWith(clinicOffset, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.EndsWith(displayOffset, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.Matches(ApiContract.Rfc3339DateTime, t));
        var inJavaScript = ReadWithJavaScriptDate(texts);
        for (var i = 0; i < texts.Count; i++)
        {
            var instant = OffsetDateTimePattern.ExtendedIso.Parse(texts[i]).Value.ToInstant();
            Assert.Equal(InstantPattern.ExtendedIso.Format(instant).Replace("Z", ".000Z", StringComparison.Ordinal), inJavaScript[i]);
        }
    }

    [Fact]
    public async Task A_summer_clinic_time_is_written_with_a_full_offset()
    {
        using var api = new ApiFactory(azurite, extra: new Dictionary<string, string?> { ["Clinic:TimeZone"] = "Europe/Dublin" });
        api.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero));

        using var response = await api.GetAsync("/api/availability?serviceId=microneedling&locationId=soho&practitionerId=amira&from=2027-03-29&to=2027-03-29");

        var first = (await ApiFactory.JsonAsync(response))["slots"]![0]!["start"]!.GetValue<string>();
        Assert.Equal("2027-03-29T09:00:00+01:00", first);
    }

    private static List<string?> ReadWithJavaScriptDate(IReadOnlyList<string> texts)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("dates-").FullName, "dates.json");
        File.WriteAllText(file, JsonSerializer.Serialize(texts));
        try
        {
            return NodeTool.Run<List<string?>>("js-dates.cjs", [file]);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }
}
