using System.Net;
using System.Text.Json.Nodes;
using Microneedling.Testing;

namespace Microneedling.Functions.Tests;

/// <summary>The times the manage page offers for moving one session: only those a reschedule would accept.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RescheduleAvailabilityTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ApiFactory _api = new(azurite);

    private async Task<(string Id, string Token)> SeriesAsync()
    {
        // Mondays with Dr Khan; she is off from 24 December to 1 January.
        var body = ApiFactory.BookingBody(await _api.EligibleIntakeIdAsync(),
            ("amira", "2026-11-30T09:00:00Z"), ("amira", "2027-01-04T09:00:00Z"), ("amira", "2027-02-01T09:00:00Z"));
        var booking = await ApiFactory.JsonAsync(await _api.PostAsync("/api/bookings", body));
        return (booking["bookingId"]!.GetValue<string>(), booking["manageToken"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_middle_session_is_offered_only_times_inside_the_window_between_its_neighbours()
    {
        var (id, token) = await SeriesAsync();

        using var response = await _api.GetAsync($"/api/bookings/{id}/sessions/2/availability", token);
        var options = await ApiFactory.JsonAsync(response);
        var starts = options["slots"]!.AsArray().Select(s => s!["start"]!.GetValue<string>()).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2026-12-28", options["earliest"]!.GetValue<string>());
        Assert.Equal("2027-01-04", options["latest"]!.GetValue<string>());
        Assert.NotEmpty(starts);
        Assert.All(starts, s => Assert.True(string.CompareOrdinal(s[..10], "2026-12-28") >= 0 && string.CompareOrdinal(s[..10], "2027-01-04") <= 0, s));
        Assert.Contains(starts, s => s.StartsWith("2027-01-02", StringComparison.Ordinal));
        Assert.DoesNotContain("2027-01-04T09:00:00+00:00", starts);

        var move = starts.First(s => s.StartsWith("2027-01-04", StringComparison.Ordinal));
        using var moved = await _api.PostAsync($"/api/bookings/{id}/sessions/2/reschedule", new JsonObject { ["start"] = move }, manageToken: token);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
    }

    [Fact]
    public async Task The_last_session_is_offered_the_window_after_the_one_before_it()
    {
        var (id, token) = await SeriesAsync();

        var options = await ApiFactory.JsonAsync(await _api.GetAsync($"/api/bookings/{id}/sessions/3/availability", token));

        Assert.Equal("2027-02-01", options["earliest"]!.GetValue<string>());
        Assert.Equal("2027-02-15", options["latest"]!.GetValue<string>());
        Assert.Equal("2027-02-15", options["to"]!.GetValue<string>());
    }

    [Fact]
    public async Task Past_the_reschedule_cut_off_it_refuses_and_says_why()
    {
        var (id, token) = await SeriesAsync();
        _api.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));

        using var response = await _api.GetAsync($"/api/bookings/{id}/sessions/1/availability", token);
        var problem = await ApiFactory.JsonAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("/problems/reschedule-cutoff-passed", ApiFactory.ProblemType(problem));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-token", HttpStatusCode.NotFound)]
    public async Task It_needs_the_bookings_manage_token(string? token, HttpStatusCode expected)
    {
        var (id, _) = await SeriesAsync();

        using var response = await _api.GetAsync($"/api/bookings/{id}/sessions/2/availability", token);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_cancelled_session_cannot_be_moved()
    {
        var (id, token) = await SeriesAsync();
        await _api.PostAsync($"/api/bookings/{id}/cancel", new JsonObject { ["sessionNumbers"] = new JsonArray(3) }, manageToken: token);

        using var response = await _api.GetAsync($"/api/bookings/{id}/sessions/3/availability", token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("/problems/session-not-found", ApiFactory.ProblemType(await ApiFactory.JsonAsync(response)));
    }

    public void Dispose() => _api.Dispose();
}
