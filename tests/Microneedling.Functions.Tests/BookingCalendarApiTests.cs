using System.Net;
using System.Text.Json.Nodes;
using Microneedling.Testing;

namespace Microneedling.Functions.Tests;

/// <summary>
/// The calendar downloads after cancellations: never an empty VCALENDAR, and each cancelled session
/// is there under its UID, cancelled, with its raised sequence, so importing the file updates it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BookingCalendarApiTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ApiFactory _api = new(azurite);

    [Fact]
    public async Task After_one_session_of_a_series_is_cancelled_both_downloads_show_it_cancelled()
    {
        var (id, token) = await BookAsync("2026-11-30T09:00:00Z", "2027-01-04T09:00:00Z", "2027-02-01T09:00:00Z");
        await CancelAsync(id, token, 3);

        var (booking, plan) = await DownloadAsync(id, token);

        Assert.Equal("PUBLISH", booking.Method);
        Assert.Equal(
            [($"{id}-1@clearskin.example", "CONFIRMED", 0), ($"{id}-2@clearskin.example", "CONFIRMED", 0), ($"{id}-3@clearskin.example", "CANCELLED", 1)],
            booking.Events.Select(e => (e.Uid!, e.Status!, e.Sequence!.Value)));
        Assert.Equal("PUBLISH", plan.Method);
        Assert.Equal(("CANCELLED", 1), plan.Events.Where(e => e.Uid == $"{id}-3@clearskin.example").Select(e => (e.Status!, e.Sequence!.Value)).Single());
        Assert.Equal(2, plan.Events.Count(e => e.Status == "CONFIRMED"));
        Assert.Contains(plan.Events, e => e.Status == "TENTATIVE");
        Assert.Equal(plan.Events.Count, plan.Events.Select(e => e.Uid).Distinct().Count());
    }

    [Fact]
    public async Task After_the_whole_series_is_cancelled_both_downloads_list_every_session_cancelled()
    {
        var (id, token) = await BookAsync("2026-11-30T09:00:00Z", "2027-01-04T09:00:00Z");
        await CancelAsync(id, token);

        var (booking, plan) = await DownloadAsync(id, token);

        foreach (var calendar in new[] { booking, plan })
        {
            Assert.Equal(
                [($"{id}-1@clearskin.example", "CANCELLED", 1), ($"{id}-2@clearskin.example", "CANCELLED", 1)],
                calendar.Events.Select(e => (e.Uid!, e.Status!, e.Sequence!.Value)));
        }
    }

    [Fact]
    public async Task After_a_single_session_is_cancelled_both_downloads_are_its_cancel()
    {
        var (id, token) = await BookAsync("2026-12-14T11:00:00Z");
        await CancelAsync(id, token);

        var (booking, plan) = await DownloadAsync(id, token);

        foreach (var calendar in new[] { booking, plan })
        {
            Assert.Equal("CANCEL", calendar.Method);
            var e = Assert.Single(calendar.Events);
            Assert.Equal(($"{id}-1@clearskin.example", "CANCELLED", 1, "2026-12-14T11:00:00.000Z"), (e.Uid, e.Status, e.Sequence, e.Start!.Utc));
        }
    }

    private async Task<(string Id, string Token)> BookAsync(params string[] starts)
    {
        var intake = await _api.EligibleIntakeIdAsync();
        using var response = await _api.PostAsync("/api/bookings", ApiFactory.BookingBody(intake, [.. starts.Select(s => ("amira", s))]));
        var body = await ApiFactory.JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        return (body["bookingId"]!.GetValue<string>(), body["manageToken"]!.GetValue<string>());
    }

    private async Task CancelAsync(string id, string token, params int[] sessions)
    {
        var body = sessions.Length == 0 ? new JsonObject() : new JsonObject { ["sessionNumbers"] = new JsonArray([.. sessions.Select(n => (JsonNode)n)]) };
        using var response = await _api.PostAsync($"/api/bookings/{id}/cancel", body, manageToken: token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<(ParsedCalendar Booking, ParsedCalendar Plan)> DownloadAsync(string id, string token)
    {
        using var booking = await _api.GetAsync($"/api/bookings/{id}/calendar", token);
        using var plan = await _api.GetAsync($"/api/bookings/{id}/plan-calendar", token);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (booking.StatusCode, plan.StatusCode));
        var parsed = IcalJs.Parse(await booking.Content.ReadAsByteArrayAsync(), await plan.Content.ReadAsByteArrayAsync());
        Assert.All(parsed, c => Assert.NotEmpty(c.Events));
        return (parsed[0], parsed[1]);
    }

    public void Dispose() => _api.Dispose();
}
