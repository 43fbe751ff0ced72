using System.Net;
using System.Text.Json.Nodes;
using Microneedling.Functions.PatientData;
using Microneedling.Storage.Entities;
using Microneedling.Storage.Intakes;
using Microneedling.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Microneedling.Functions.Tests;

/// <summary>The retention timer, fired as the Functions host fires it, across the default periods on the fake clock.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RetentionTests(AzuriteFixture azurite)
{
    private const string Email = "returning@example.com";
    private static readonly DateTimeOffset Saturday = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Session = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Each_kind_of_data_goes_when_its_period_ends_and_a_returning_patient_starts_afresh()
    {
        await using var h = await ReminderHarness.StartAsync(azurite, Saturday);
        var api = h.Api;
        var intakes = api.Services.GetRequiredService<IntakeRepository>();
        var (unbooked, _) = await api.IntakeAsync(ApiFactory.EligibleIntake());
        var (first, _) = await api.IntakeAsync(ApiFactory.EligibleIntake());
        var oldBooking = PatientDataHelpers.Booking(first, "Returning Patient", Email, "2026-11-30T09:00:00Z");
        var oldId = await api.BookAsync(oldBooking, "first-visit");
        await h.SweepUntilAsync(Saturday.AddHours(1), TimeSpan.FromMinutes(30));

        Assert.Equal(Zeros, await RunAsync(api, Saturday.AddHours(23)));
        Assert.Equal(Counts(keys: 1, receipts: 1), await RunAsync(api, Saturday.AddHours(24)));

        await h.SweepUntilAsync(new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(6));
        Assert.Equal(Zeros, await RunAsync(api, Saturday.AddDays(30).AddMinutes(-1)));
        Assert.Equal(Counts(answers: 1), await RunAsync(api, Saturday.AddDays(30)));
        var unbookedNow = (await intakes.GetAsync(unbooked, CancellationToken.None))!;
        Assert.NotNull(unbookedNow.AnswersRemovedAt);
        Assert.Equal(("", ""), (unbookedNow.FindingCodes, unbookedNow.ScarTypes));
        Assert.Equal(Domain.Intake.IntakeOutcome.Eligible, unbookedNow.Outcome); // the outcome and dates stay
        Assert.Null((await intakes.GetAsync(first, CancellationToken.None))!.AnswersRemovedAt); // booked: kept for now
        Assert.NotEmpty(await EmailLogAsync(api, oldId));

        // An entry outlives both its sending and the session: the confirmation and pre-care go 90 days after the session, aftercare later.
        var logged = (await EmailLogAsync(api, oldId)).Count;
        Assert.Equal(Counts(emails: 2), await RunAsync(api, Session.AddDays(90)));
        Assert.Equal(Counts(emails: logged - 2), await RunAsync(api, Session.AddDays(100)));
        Assert.Empty(await EmailLogAsync(api, oldId));

        Assert.Equal(Zeros, await RunAsync(api, Session.AddMonths(13).AddMinutes(-1)));
        Assert.Equal(Counts(answers: 1), await RunAsync(api, Session.AddMonths(13)));
        Assert.NotNull((await intakes.GetAsync(first, CancellationToken.None))!.AnswersRemovedAt);

        // The patient comes back: the old intake no longer books, a new one does.
        oldBooking["sessions"] = new JsonArray(new JsonObject { ["practitionerId"] = "amira", ["start"] = "2028-01-10T09:00:00Z" });
        using (var refused = await api.PostAsync("/api/bookings", oldBooking))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("expired", (await ApiFactory.JsonAsync(refused))["errors"]!["intakeId"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }

        var (second, _) = await api.IntakeAsync(ApiFactory.EligibleIntake());
        var newId = await api.BookAsync(PatientDataHelpers.Booking(second, "Returning Patient", Email, "2028-01-10T09:00:00Z"));
        Assert.Equal(Zeros, await RunAsync(api, Session.AddMonths(13).AddDays(1)));
        Assert.Null((await intakes.GetAsync(second, CancellationToken.None))!.AnswersRemovedAt);
        Assert.Equal(new[] { newId, oldId }.Order(StringComparer.Ordinal), await BookingsOfAsync(api));

        // Six years on: the unbooked intake's remainder goes (and the second intake's answers, 13 months after its
        // session), then the first visit's name, with what was left of its intake.
        Assert.Equal(Counts(answers: 1, intakes: 1), await RunAsync(api, Saturday.AddMonths(72)));
        Assert.Null(await intakes.GetAsync(unbooked, CancellationToken.None));
        Assert.Equal(Zeros, await RunAsync(api, Session.AddMonths(72).AddMinutes(-1)));
        Assert.Equal(Counts(intakes: 1, anonymised: 1), await RunAsync(api, Session.AddMonths(72)));
        Assert.Equal([newId], await BookingsOfAsync(api));
        Assert.Null(await intakes.GetAsync(first, CancellationToken.None));
        Assert.NotNull(await intakes.GetAsync(second, CancellationToken.None));
        Assert.Equal(Zeros, await RunAsync(api, Session.AddMonths(72).AddDays(1)));
    }

    private static string Zeros => Counts();

    private static string Counts(int answers = 0, int intakes = 0, int anonymised = 0, int emails = 0, int keys = 0, int receipts = 0) =>
        $"intake answers removed: {answers}, intakes deleted: {intakes}, bookings anonymised: {anonymised}, "
        + $"email log entries deleted: {emails}, idempotency keys deleted: {keys}, replay responses deleted: {receipts}";

    /// <summary>Sets the clock and fires the timer as the Functions host does (POST /{FunctionName}); returns its log line.</summary>
    private static async Task<string> RunAsync(ApiFactory api, DateTimeOffset at)
    {
        api.Clock.SetUtcNow(at);
        using var body = new StringContent("""{"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":false}},"Metadata":{"sys":{"MethodName":"PatientDataRetention"}}}""",
            System.Text.Encoding.UTF8, "application/json");
        using var response = await api.Client.PostAsync(new Uri("/" + RetentionTimer.Name, UriKind.Relative), body);
        var reply = await ApiFactory.JsonAsync(response);
        Assert.True(response.IsSuccessStatusCode, reply.ToJsonString());
        return reply["Logs"]![0]!.GetValue<string>();
    }

    private static async Task<JsonArray> EmailLogAsync(ApiFactory api, string bookingId)
    {
        using var response = await api.GetAsync($"/api/staff/bookings/{bookingId}/emails", staffKey: ApiFactory.StaffKey);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }

    private static async Task<List<string>> BookingsOfAsync(ApiFactory api)
    {
        using var export = await api.ExportAsync(Email);
        return [.. (await ApiFactory.JsonAsync(export))["bookingIds"]!.AsArray().Select(b => b!.GetValue<string>()).Order(StringComparer.Ordinal)];
    }
}
