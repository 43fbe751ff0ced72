using System.Net;
using System.Text.Json.Nodes;
using Microneedling.Testing;

namespace Microneedling.Functions.Tests;

/// <summary>Bad staff requests about patient data get problem details and change nothing (the audit trail records the attempt).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PatientDataBadInputTests(AzuriteFixture azurite) : IDisposable
{
    // Standalone, so the key is checked here; change emails wait for a sweep (none runs), so nothing changes in the background.
    private readonly ApiFactory _api = new(azurite, extra: new Dictionary<string, string?> { ["Reminders:SendChangeEmailsAtOnce"] = "false" });

    [Theory]
    [InlineData("/api/staff/patients/erase")]
    [InlineData("/api/staff/patients/export")]
    public async Task An_address_nobody_booked_with_is_a_clean_answer_and_changes_nothing(string path)
    {
        await BookSomeoneAsync();
        var before = await StoredWithoutAuditAsync();

        using var response = await _api.StaffPostAsync(path, new JsonObject { ["email"] = "nobody@example.com" });
        var body = await ApiFactory.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(body["bookingIds"]!.AsArray());
        Assert.Empty(body["items"]!.AsArray());
        Assert.Equal(before, await StoredWithoutAuditAsync());
    }

    [Theory]
    [InlineData("/api/staff/patients/erase", """{"email":"not-an-address"}""", "email")]
    [InlineData("/api/staff/patients/erase", """{"email":"Zoë <zoe@example.com>"}""", "email")]
    [InlineData("/api/staff/patients/erase", """{}""", "email")]
    [InlineData("/api/staff/patients/export", """{"email":"zoe@example"}""", "email")]
    [InlineData("/api/staff/patients/export", """{"email":"zoe@example.com","name":"Zoë"}""", "$.name")]
    public async Task A_malformed_request_is_refused_naming_the_field_and_changes_nothing(string path, string json, string field)
    {
        await BookSomeoneAsync();
        var before = await StoredWithoutAuditAsync();

        using var response = await _api.StaffPostAsync(path, JsonNode.Parse(json)!);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiFactory.JsonAsync(response))["errors"]!.AsObject().ContainsKey(field));
        Assert.Equal(before, await StoredWithoutAuditAsync());
    }

    [Theory]
    [InlineData("/api/staff/patients/erase", null)]
    [InlineData("/api/staff/patients/erase", "wrong-key")]
    [InlineData("/api/staff/patients/export", null)]
    public async Task Without_the_function_key_nothing_is_erased_or_shown(string path, string? key)
    {
        await BookSomeoneAsync();
        var before = await _api.EveryRowAsync();

        using var response = await _api.StaffPostAsync(path, new JsonObject { ["email"] = "zoe@example.com" }, key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("/problems/staff-key-required", ApiFactory.ProblemType(await ApiFactory.JsonAsync(response)));
        Assert.Equal(before, await _api.EveryRowAsync()); // not even an audit entry: the caller is unknown
    }

    [Fact]
    public async Task The_audit_trail_needs_the_key_and_a_sensible_range()
    {
        using var noKey = await _api.GetAsync("/api/staff/audit?from=2026-11-01&to=2026-11-30");
        using var backwards = await _api.GetAsync("/api/staff/audit?from=2026-11-30&to=2026-11-01", staffKey: ApiFactory.StaffKey);
        using var tooLong = await _api.GetAsync("/api/staff/audit?from=2025-01-01&to=2026-11-30", staffKey: ApiFactory.StaffKey);
        using var missing = await _api.GetAsync("/api/staff/audit?from=2026-11-01", staffKey: ApiFactory.StaffKey);

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await ApiFactory.JsonAsync(missing))["errors"]!.AsObject().ContainsKey("to"));
    }

    [Fact]
    public async Task A_refused_staff_action_is_audited_with_its_status_and_a_principal_when_easy_auth_names_one()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/staff/intakes/in_unknown/clear");
        request.Headers.Add("x-functions-key", ApiFactory.StaffKey);
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL-NAME", "dr.khan@clinic.example");
        using var cleared = await _api.Client.SendAsync(request);

        using var trail = await _api.GetAsync("/api/staff/audit?from=2026-11-21&to=2026-11-21", staffKey: ApiFactory.StaffKey);
        var entry = Assert.Single(JsonNode.Parse(await trail.Content.ReadAsStringAsync())!.AsArray());

        Assert.Equal(HttpStatusCode.NotFound, cleared.StatusCode);
        Assert.Equal("clear-intake", entry!["action"]!.GetValue<string>());
        Assert.Equal("in_unknown", entry["record"]!.GetValue<string>());
        Assert.Equal(404, entry["status"]!.GetValue<int>());
        Assert.Equal(PatientDataHelpers.KeyFingerprint + " principal:dr.khan@clinic.example", entry["caller"]!.GetValue<string>());
        Assert.Equal("2026-11-21T12:00:00Z", entry["at"]!.GetValue<string>());
    }

    public void Dispose() => _api.Dispose();

    private async Task BookSomeoneAsync()
    {
        var intake = await _api.EligibleIntakeIdAsync();
        await _api.BookAsync(ApiFactory.BookingBody(intake, ("amira", "2026-11-30T09:00:00Z")));
    }

    private async Task<List<(string Table, string Row)>> StoredWithoutAuditAsync() =>
        [.. (await _api.EveryRowAsync()).Where(r => !r.Table.EndsWith("Audit", StringComparison.Ordinal))];
}
