using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microneedling.Storage;
using Microneedling.Storage.Entities;
using Microneedling.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Microneedling.Functions.Tests;

/// <summary>Bookings through HTTP, as a clinic website would make them. "Now" is Saturday 21 November 2026, noon (London = UTC then).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BookingApiTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ApiFactory _api = new(azurite);

    private async Task<(string Id, string Token, JsonObject Body)> BookSeriesAsync(params string[] mondays)
    {
        var intake = await _api.EligibleIntakeIdAsync();
        using var response = await _api.PostAsync("/api/bookings", ApiFactory.BookingBody(intake, [.. mondays.Select(m => ("amira", m))]));
        var body = await ApiFactory.JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        return (body["bookingId"]!.GetValue<string>(), body["manageToken"]!.GetValue<string>(), body);
    }

    [Fact]
    public async Task Availability_offers_the_clinics_hours_in_its_zone()
    {
        using var response = await _api.GetAsync("/api/availability?serviceId=microneedling&locationId=soho&practitionerId=amira&from=2026-11-30&to=2026-11-30&displayTimeZone=America/New_York");

        var body = await ApiFactory.JsonAsync(response);
        var slots = body["slots"]!.AsArray();
        Assert.Equal("2026-11-30T09:00:00Z", slots[0]!["start"]!.GetValue<string>());
        Assert.Equal("2026-11-30T04:00:00-05:00", slots[0]!["localStartInDisplayZone"]!.GetValue<string>());
        Assert.Equal("2026-11-30T16:30:00Z", slots[^1]!["start"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("serviceId=microneedling&locationId=soho&from=2026-11-30&to=2026-11-31", "to")]
    [InlineData("serviceId=microneedling&locationId=soho&from=2026-11-30&to=2026-11-30&displayTimeZone=Mars/Base", "displayTimeZone")]
    [InlineData("locationId=soho&from=2026-11-30&to=2026-11-30", "serviceId")]
    public async Task Availability_rejects_impossible_dates_and_unknown_zones(string query, string field)
    {
        using var response = await _api.GetAsync("/api/availability?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiFactory.JsonAsync(response))["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task A_series_is_booked_read_back_and_takes_its_times_off_availability()
    {
        var (id, token, body) = await BookSeriesAsync("2026-11-30T09:00:00Z", "2027-01-04T09:00:00Z", "2027-02-01T09:00:00Z");

        Assert.Equal("confirmed", body["status"]!.GetValue<string>());
        Assert.Equal(3, body["sessions"]!.AsArray().Count);
        using var read = await _api.GetAsync($"/api/bookings/{id}", token);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Null((await ApiFactory.JsonAsync(read))["manageToken"]);
        using var availability = await _api.GetAsync("/api/availability?serviceId=microneedling&locationId=soho&practitionerId=amira&from=2026-11-30&to=2026-11-30");
        var starts = (await ApiFactory.JsonAsync(availability))["slots"]!.AsArray().Select(s => s!["start"]!.GetValue<string>()).ToList();
        Assert.DoesNotContain("2026-11-30T09:00:00Z", starts);
        Assert.DoesNotContain("2026-11-30T09:45:00Z", starts);
        Assert.Contains("2026-11-30T10:15:00Z", starts);
    }

    [Fact]
    public async Task Token_misuse_reveals_nothing()
    {
        var (id, _, _) = await BookSeriesAsync("2026-12-02T10:00:00Z");

        using var missing = await _api.GetAsync($"/api/bookings/{id}");
        using var wrong = await _api.GetAsync($"/api/bookings/{id}", "not-the-token");
        using var unknown = await _api.GetAsync("/api/bookings/bk_doesnotexist", "not-the-token");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var (a, b) = (await ApiFactory.JsonAsync(wrong), await ApiFactory.JsonAsync(unknown));
        Assert.Equal((ApiFactory.ProblemType(a), a["title"]!.GetValue<string>()), (ApiFactory.ProblemType(b), b["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Rescheduling_inside_the_window_works_and_outside_is_refused()
    {
        var (id, token, _) = await BookSeriesAsync("2026-11-30T10:00:00Z", "2027-01-04T10:00:00Z", "2027-02-01T10:00:00Z");

        using var tooSoon = await _api.PostAsync($"/api/bookings/{id}/sessions/2/reschedule", new JsonObject { ["start"] = "2026-12-21T10:00:00Z" }, manageToken: token);
        using var tooLate = await _api.PostAsync($"/api/bookings/{id}/sessions/3/reschedule", new JsonObject { ["start"] = "2027-03-01T10:00:00Z" }, manageToken: token);
        using var fine = await _api.PostAsync($"/api/bookings/{id}/sessions/3/reschedule", new JsonObject { ["start"] = "2027-02-03T10:00:00Z" }, manageToken: token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooSoon.StatusCode);
        Assert.Equal("/problems/spacing-too-soon", ApiFactory.ProblemType(await ApiFactory.JsonAsync(tooSoon)));
        Assert.Equal("/problems/spacing-too-late", ApiFactory.ProblemType(await ApiFactory.JsonAsync(tooLate)));
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        var session = (await ApiFactory.JsonAsync(fine))["sessions"]![2]!;
        Assert.Equal(("2027-02-03T10:00:00Z", 1), (session["start"]!.GetValue<string>(), session["sequence"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Cancelling_closes_at_the_cutoff_and_frees_the_time()
    {
        var (id, token, _) = await BookSeriesAsync("2026-11-30T11:00:00Z");

        _api.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        using var late = await _api.PostAsync($"/api/bookings/{id}/cancel", new JsonObject(), manageToken: token);
        Assert.Equal("/problems/cancellation-cutoff-passed", ApiFactory.ProblemType(await ApiFactory.JsonAsync(late)));
        using var byClinic = await _api.PostAsync($"/api/staff/bookings/{id}/cancel?code={ApiFactory.StaffKey}", new JsonObject());

        Assert.Equal(HttpStatusCode.OK, byClinic.StatusCode);
        Assert.Equal("cancelled", (await ApiFactory.JsonAsync(byClinic))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_retry_with_the_same_key_returns_the_first_response()
    {
        var intake = await _api.EligibleIntakeIdAsync();
        var body = ApiFactory.BookingBody(intake, ("amira", "2026-12-07T09:00:00Z"));

        using var first = await _api.PostAsync("/api/bookings", body, idempotencyKey: "retry-1");
        var a = await ApiFactory.JsonAsync(first);
        using var moved = await _api.PostAsync($"/api/bookings/{a["bookingId"]}/sessions/1/reschedule", new JsonObject { ["start"] = "2026-12-07T11:00:00Z" }, manageToken: a["manageToken"]!.GetValue<string>());
        using var again = await _api.PostAsync("/api/bookings", body, idempotencyKey: "retry-1");
        body["patient"]!["name"] = "Someone Else";
        using var other = await _api.PostAsync("/api/bookings", body, idempotencyKey: "retry-1");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Created), (first.StatusCode, moved.StatusCode, again.StatusCode));
        Assert.Equal(a.ToJsonString(), (await ApiFactory.JsonAsync(again)).ToJsonString());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("/problems/idempotency-key-reused", ApiFactory.ProblemType(await ApiFactory.JsonAsync(other)));
    }

    [Fact]
    public async Task Fifty_parallel_requests_for_one_slot_give_one_booking()
    {
        var intake = await _api.EligibleIntakeIdAsync();
        var body = ApiFactory.BookingBody(intake, ("amira", "2026-12-09T13:00:00Z"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => _api.PostAsync("/api/bookings", body.DeepClone(), idempotencyKey: $"race-{i}")));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(49, statuses.Count(s => s is HttpStatusCode.Conflict));
        foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            Assert.Equal("/problems/slot-taken", ApiFactory.ProblemType(await ApiFactory.JsonAsync(r)));
        }

        Assert.Equal(1, await ConfirmedBookingsAsync());
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }

    [Fact]
    public async Task Nothing_is_stored_when_a_request_is_refused()
    {
        var intake = await _api.EligibleIntakeIdAsync();
        var bad = ApiFactory.BookingBody(intake, ("amira", "2026-11-30T09:05:00Z"));
        bad["patient"]!["email"] = "not an email";

        using var invalid = await _api.PostAsync("/api/bookings", bad, idempotencyKey: "bad-1");
        using var unavailable = await _api.PostAsync("/api/bookings", ApiFactory.BookingBody(intake, ("amira", "2026-11-30T09:05:00Z")), idempotencyKey: "bad-2");
        using var tooClose = await _api.PostAsync("/api/bookings", ApiFactory.BookingBody(intake, ("amira", "2026-11-30T09:00:00Z"), ("amira", "2026-12-07T09:00:00Z")));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unavailable.StatusCode);
        Assert.Equal("/problems/spacing-too-soon", ApiFactory.ProblemType(await ApiFactory.JsonAsync(tooClose)));
        Assert.Equal(0, await RowsAsync("Bookings"));
        Assert.Equal(0, await RowsAsync("Idempotency"));
        Assert.Equal(0, await RowsAsync("ScheduleDays"));
    }

    [Fact]
    public async Task A_consult_intake_cannot_book_treatment_until_cleared()
    {
        var intake = ApiFactory.EligibleIntake();
        intake["scarsEasily"] = true;
        var intakeId = (await ApiFactory.JsonAsync(await _api.PostAsync("/api/intakes", intake)))["intakeId"]!.GetValue<string>();

        using var refused = await _api.PostAsync("/api/bookings", ApiFactory.BookingBody(intakeId, ("amira", "2026-12-14T09:00:00Z")));
        using var cleared = await _api.PostAsync($"/api/staff/intakes/{intakeId}/clear?code={ApiFactory.StaffKey}", new JsonObject());
        using var booked = await _api.PostAsync("/api/bookings", ApiFactory.BookingBody(intakeId, ("amira", "2026-12-14T09:00:00Z")));

        Assert.Equal("/problems/consultation-required", ApiFactory.ProblemType(await ApiFactory.JsonAsync(refused)));
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
    }

    [Fact]
    public async Task The_booking_calendar_downloads_for_the_token_holder_and_ical_js_reads_it()
    {
        var (id, token, _) = await BookSeriesAsync("2026-12-14T11:00:00Z");

        using var download = await _api.GetAsync($"/api/bookings/{id}/calendar?token={Uri.EscapeDataString(token)}");
        using var plan = await _api.GetAsync($"/api/bookings/{id}/plan-calendar", token);

        Assert.Equal("text/calendar", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", download.Content.Headers.ContentType?.CharSet);
        var parsed = IcalJs.Parse(await download.Content.ReadAsByteArrayAsync(), await plan.Content.ReadAsByteArrayAsync());
        var e = Assert.Single(parsed[0].Events);
        Assert.Equal(("REQUEST", $"{id}-1@clearskin.example", "2026-12-14T11:00:00.000Z"), (parsed[0].Method, e.Uid, e.Start!.Utc));
        Assert.Equal("mailto:zoe@example.com", Assert.Single(e.Attendees).Value);
        Assert.Equal("PUBLISH", parsed[1].Method);
        Assert.Equal(5, parsed[1].Events.Count);
        Assert.DoesNotContain(token, System.Text.Encoding.UTF8.GetString(await download.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_functions_need_the_key_and_list_a_day()
    {
        await BookSeriesAsync("2026-12-16T14:00:00Z");

        using var noKey = await _api.GetAsync("/api/staff/bookings?date=2026-12-16");
        using var day = await _api.GetAsync("/api/staff/bookings?date=2026-12-16", staffKey: ApiFactory.StaffKey);

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        var sessions = JsonNode.Parse(await day.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal("2026-12-16T14:00:00Z", Assert.Single(sessions)!["start"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_openapi_document_describes_every_function()
    {
        using var response = await _api.GetAsync("/api/openapi.json");

        var paths = (await ApiFactory.JsonAsync(response))["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/bookings", paths);
        Assert.Contains("/api/bookings/{bookingId}/sessions/{number}/reschedule", paths);
        Assert.Contains("/api/intakes", paths);
        Assert.Contains("/api/availability", paths);
        Assert.Contains("/api/staff/bookings", paths);
    }

    private async Task<int> ConfirmedBookingsAsync()
    {
        var count = 0;
        await foreach (var b in Table("Bookings").QueryAsync<BookingEntity>(TableClient.CreateQueryFilter($"RowKey eq {"booking"} and Status eq {"Confirmed"}")))
        {
            count++;
        }

        return count;
    }

    /// <summary>The app's table of that name, read directly with the SDK.</summary>
    private TableClient Table(string name) =>
        _api.Services.GetRequiredService<TableServiceClient>().GetTableClient(_api.Services.GetRequiredService<ClinicTables>().Prefix + name);

    private async Task<int> RowsAsync(string table)
    {
        var count = 0;
        await foreach (var _ in Table(table).QueryAsync<TableEntity>())
        {
            count++;
        }

        return count;
    }

    public void Dispose() => _api.Dispose();
}
