using System.Net;
using System.Text.Json.Nodes;
using Microneedling.Testing;

namespace Microneedling.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class PrivacyAndCorsTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ApiFactory _api = new(azurite);

    [Fact]
    public async Task No_patient_data_or_token_reaches_the_logs()
    {
        var intake = ApiFactory.EligibleIntake();
        intake["pregnant"] = true;
        intake["pregnancyDueDate"] = "2027-05-05";
        await _api.PostAsync("/api/intakes", intake);
        var intakeId = await _api.EligibleIntakeIdAsync();
        var body = ApiFactory.BookingBody(intakeId, ("amira", "2026-12-21T15:00:00Z"));
        body["patient"] = new JsonObject { ["name"] = "Quintessa Vandermeer", ["email"] = "quintessa.v@example.org" };
        using var created = await _api.PostAsync("/api/bookings", body, idempotencyKey: "privacy-1");
        var booking = await ApiFactory.JsonAsync(created);
        var (id, token) = (booking["bookingId"]!.GetValue<string>(), booking["manageToken"]!.GetValue<string>());
        await _api.GetAsync($"/api/bookings/{id}", token);
        await _api.PostAsync($"/api/bookings/{id}/cancel", new JsonObject(), manageToken: token);
        using var bad = await _api.PostAsync("/api/bookings", new JsonObject { ["patient"] = new JsonObject { ["name"] = "Quintessa Vandermeer", ["email"] = "quintessa.v@" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var logs = string.Join("\n", _api.Logs);
        Assert.Contains(id, logs, StringComparison.Ordinal);
        foreach (var secret in new[] { "Quintessa", "Vandermeer", "quintessa.v", token, "2027-05-05", "pregnan", "not-eligible-now", "NotEligibleNow" })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("http://localhost:3000", true)]
    [InlineData("https://evil.example", false)]
    public async Task Browsers_may_call_only_from_the_allowed_origins(string origin, bool allowed)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/bookings");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type,idempotency-key");

        using var response = await _api.Client.SendAsync(preflight);

        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Single() == origin);
    }

    public void Dispose() => _api.Dispose();
}
