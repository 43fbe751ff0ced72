using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microneedling.Testing;

namespace Microneedling.Functions.Tests;

/// <summary>Every 201 names, in Location, a read that answers its holder, and nobody else.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LocationTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ApiFactory _api = new(azurite);

    [Fact]
    public async Task The_intake_location_answers_the_outcome_on_record_to_the_token_holder()
    {
        var answers = ApiFactory.EligibleIntake();
        answers["activeBreakout"] = true;
        using var created = await _api.Client.PostAsJsonAsync("/api/intakes", answers);
        var body = await ApiFactory.JsonAsync(created);
        var location = created.Headers.Location!.OriginalString;
        var token = body["intakeToken"]!.GetValue<string>();

        using var read = await GetAsync(location, ("X-Intake-Token", token));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var record = await ApiFactory.JsonAsync(read);
        Assert.Equal(body["intakeId"]!.GetValue<string>(), record["intakeId"]!.GetValue<string>());
        Assert.Equal("not-eligible-now", record["outcome"]!.GetValue<string>());
        Assert.Equal(["active-breakout"], record["findingCodes"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(body["askAgainOn"]!.GetValue<string>(), record["askAgainOn"]!.GetValue<string>());
        Assert.False(record["clearedByPractitioner"]!.GetValue<bool>());
        Assert.DoesNotContain("activeBreakout", record.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_intake_reads_as_missing_without_its_own_token()
    {
        var first = await ApiFactory.JsonAsync(await _api.Client.PostAsJsonAsync("/api/intakes", ApiFactory.EligibleIntake()));
        var second = await ApiFactory.JsonAsync(await _api.Client.PostAsJsonAsync("/api/intakes", ApiFactory.EligibleIntake()));
        var path = "/api/intakes/" + first["intakeId"]!.GetValue<string>();

        using var none = await GetAsync(path);
        using var other = await GetAsync(path, ("X-Intake-Token", second["intakeToken"]!.GetValue<string>()));
        using var unknown = await GetAsync("/api/intakes/in_doesnotexist", ("X-Intake-Token", first["intakeToken"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("/problems/intake-not-found", ApiFactory.ProblemType(await ApiFactory.JsonAsync(other)));
    }

    [Fact]
    public async Task The_booking_location_answers_the_booking_to_its_manage_token()
    {
        var intake = await _api.EligibleIntakeIdAsync();
        using var created = await _api.PostAsync("/api/bookings", ApiFactory.BookingBody(intake, ("amira", "2026-11-30T09:00:00Z")));
        var body = await ApiFactory.JsonAsync(created);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var read = await GetAsync(created.Headers.Location!.OriginalString, ("X-Manage-Token", body["manageToken"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(body["bookingId"]!.GetValue<string>(), (await ApiFactory.JsonAsync(read))["bookingId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_replayed_booking_answers_with_the_same_location()
    {
        var intake = await _api.EligibleIntakeIdAsync();
        var request = ApiFactory.BookingBody(intake, ("amira", "2026-12-07T09:00:00Z"));
        using var first = await _api.PostAsync("/api/bookings", request, idempotencyKey: "location-replay");
        using var again = await _api.PostAsync("/api/bookings", request, idempotencyKey: "location-replay");

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        using var read = await GetAsync(again.Headers.Location!.OriginalString, ("X-Manage-Token", (await ApiFactory.JsonAsync(again))["manageToken"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await _api.Client.SendAsync(request);
    }

    public void Dispose() => _api.Dispose();
}
