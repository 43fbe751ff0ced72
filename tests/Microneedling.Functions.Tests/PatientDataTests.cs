using System.Net;
using System.Text.Json.Nodes;
using Microneedling.Functions.PatientLinks;
using Microneedling.Functions.Reminders;
using Microneedling.Storage;
using Microneedling.Storage.OptOuts;
using Microneedling.Storage.PatientData;
using Microneedling.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Microneedling.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class PatientDataTests(AzuriteFixture azurite)
{
    private const string Name = "Erin Quigley";
    private const string Email = "Erin.Quigley@example.org";
    private const string OtherEmail = "someone-else@example.com";
    private static readonly DateTimeOffset Saturday = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The patient's answers as stored (enum names), none of which the other patient gives.</summary>
    private static readonly string[] Answers = ["Icepick", "Severe", "VI"];

    [Fact]
    public async Task Erasure_leaves_nothing_of_the_patient_in_any_table_and_a_replay_brings_nothing_back()
    {
        await using var h = await ReminderHarness.StartAsync(azurite, Saturday);
        var api = h.Api;
        var (intakeId, _) = await api.IntakeAsync(PatientDataHelpers.DistinctIntake());
        var booking = PatientDataHelpers.Booking(intakeId, Name, Email, "2026-11-30T09:00:00Z", "2027-01-04T09:00:00Z");
        var bookingId = await api.BookAsync(booking, "erin-key-1");
        await h.BookAsync(OtherEmail, new DateTimeOffset(2026, 11, 30, 10, 15, 0, TimeSpan.Zero));
        await h.SweepUntilAsync(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(4));
        var unsubscribes = api.Services.GetRequiredService<UnsubscribeTokens>();
        var hash = OptOutRepository.AddressHash(Email);
        using (var unsubscribed = await api.PostAsync($"/api/unsubscribe/{hash}/{unsubscribes.Token(hash)}", new JsonObject()))
        {
            Assert.Equal(HttpStatusCode.NoContent, unsubscribed.StatusCode);
        }

        using (var attended = await api.StaffPostAsync($"/api/staff/bookings/{bookingId}/sessions/1/attendance", new JsonObject { ["status"] = "attended" }))
        {
            Assert.Equal(HttpStatusCode.OK, attended.StatusCode);
        }

        var sentBefore = h.DeliveredTo(Email).Count;
        Assert.True(sentBefore >= 4, $"{sentBefore} emails sent before the erasure"); // confirmation, pre-care, aftercare day 0 and day 1
        var before = await api.EveryRowAsync();
        Assert.Contains(before, r => r.Row.Contains(Email, StringComparison.Ordinal));
        Assert.Contains(before, r => r.Row.Contains("Icepick", StringComparison.Ordinal));
        Assert.Contains(before, r => r.Row.Contains(hash, StringComparison.Ordinal));

        using var erase = await api.EraseAsync(Email.ToUpperInvariant());
        var receipt = await ApiFactory.JsonAsync(erase);

        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        Assert.Equal([bookingId], receipt["bookingIds"]!.AsArray().Select(b => b!.GetValue<string>()));
        Assert.Equal(1, receipt["cancelledSessions"]!.GetValue<int>());
        var erased = receipt["items"]!.AsArray().Select(i => (Table: i!["table"]!.GetValue<string>(), Action: i["action"]!.GetValue<string>())).ToList();
        Assert.Contains(("Intakes", "delete"), erased);
        Assert.Contains(("OptOuts", "delete"), erased);
        Assert.Contains(("Idempotency", "delete"), erased);
        Assert.Contains(("Bookings", "anonymise"), erased);
        Assert.Contains(erased, i => i.Table.StartsWith("Reminders", StringComparison.Ordinal));
        AssertNothingOfThePatient(receipt.ToJsonString(), "the receipt");

        var after = await api.EveryRowAsync();
        Assert.All(after, r => AssertNothingOfThePatient(r.Row, r.Table));
        Assert.Contains(after, r => r.Row.Contains(OtherEmail, StringComparison.Ordinal)); // the other patient is untouched
        var inventory = new PatientDataInventory(api.Services.GetRequiredService<ClinicTables>());
        Assert.All(after.Select(r => r.Table).Distinct(), t => Assert.True(inventory.Covers(t), $"{t} is not in the inventory"));

        using var replay = await api.PostAsync("/api/bookings", booking, "erin-key-1");
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.All(await api.EveryRowAsync(), r => AssertNothingOfThePatient(r.Row, r.Table));

        using var freed = await api.GetAsync("/api/availability?serviceId=microneedling&locationId=soho&practitionerId=amira&from=2027-01-04&to=2027-01-04");
        Assert.Contains("2027-01-04T09:00:00Z", (await ApiFactory.JsonAsync(freed))["slots"]!.AsArray().Select(s => s!["start"]!.GetValue<string>()));
        await h.SweepUntilAsync(new DateTimeOffset(2027, 1, 10, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(12));
        Assert.Equal(sentBefore, h.DeliveredTo(Email).Count); // no cancellation email, no reminder of the cancelled session

        using var again = await api.EraseAsync(Email);
        var second = await ApiFactory.JsonAsync(again);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Empty(second["bookingIds"]!.AsArray());
        Assert.Empty(second["items"]!.AsArray());
    }

    [Fact]
    public async Task An_export_shows_every_row_erasure_removes_and_the_audit_trail_names_no_patient()
    {
        await using var h = await ReminderHarness.StartAsync(azurite, Saturday);
        var api = h.Api;
        var (intakeId, _) = await api.IntakeAsync(PatientDataHelpers.DistinctIntake());
        var bookingId = await api.BookAsync(PatientDataHelpers.Booking(intakeId, Name, Email, "2026-11-30T09:00:00Z", "2027-01-04T09:00:00Z"), "erin-key-2");
        await h.SweepUntilAsync(Saturday.AddHours(1), TimeSpan.FromMinutes(30));
        using (var cancel = await api.StaffPostAsync($"/api/staff/bookings/{bookingId}/cancel", new JsonObject { ["sessionNumbers"] = new JsonArray(1) }))
        {
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        }

        api.Clock.Advance(TimeSpan.FromSeconds(1)); // entries of the same instant have no order among them
        using var export = await api.ExportAsync(Email);
        var document = await ApiFactory.JsonAsync(export);
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        using var erase = await api.EraseAsync(Email);
        var receipt = await ApiFactory.JsonAsync(erase);

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var exported = document["items"]!.AsArray().ToDictionary(i => (i!["table"]!.GetValue<string>(), i["record"]!.GetValue<string>()), i => i!);
        var removed = receipt["items"]!.AsArray();
        Assert.NotEmpty(removed);
        Assert.All(removed, item =>
        {
            Assert.True(exported.TryGetValue((item!["table"]!.GetValue<string>(), item["record"]!.GetValue<string>()), out var shown), item.ToJsonString());
            Assert.Equal(item["action"]!.GetValue<string>(), shown!["onErase"]!.GetValue<string>());
        });
        var header = exported[("Bookings", $"{bookingId}/booking")]["data"]!;
        Assert.Equal(Email, header["PatientEmail"]!.GetValue<string>());
        Assert.Equal("Icepick", exported[("Intakes", intakeId)]["data"]!["ScarTypes"]!.GetValue<string>());
        Assert.Contains(exported.Keys, k => k.Item1 == "Bookings" && k.Item2.StartsWith(bookingId + "/email_", StringComparison.Ordinal));
        Assert.Equal("keep", exported[("Bookings", $"{bookingId}/session-01")]["onErase"]!.GetValue<string>());

        using var trail = await api.GetAsync("/api/staff/audit?from=2026-11-21&to=2026-11-21", staffKey: ApiFactory.StaffKey);
        var entries = await trail.Content.ReadAsStringAsync();
        var audit = JsonNode.Parse(entries)!.AsArray();
        Assert.Equal(["cancel", "export", "erase"], audit.Select(e => e!["action"]!.GetValue<string>()));
        Assert.All(audit, e => Assert.Equal(bookingId, e!["record"]!.GetValue<string>()));
        Assert.All(audit, e => Assert.Equal(PatientDataHelpers.KeyFingerprint, e!["caller"]!.GetValue<string>()));
        Assert.All(audit, e => Assert.Equal(200, e!["status"]!.GetValue<int>()));
        AssertNothingOfThePatient(entries, "the audit trail");
        Assert.DoesNotContain(ApiFactory.StaffKey, entries, StringComparison.Ordinal);
    }

    private static void AssertNothingOfThePatient(string text, string where)
    {
        Assert.False(text.Contains(Email, StringComparison.OrdinalIgnoreCase), $"{where} holds the address: {text}");
        Assert.False(text.Contains(Name, StringComparison.OrdinalIgnoreCase), $"{where} holds the name: {text}");
        Assert.False(text.Contains(OptOutRepository.AddressHash(Email), StringComparison.Ordinal), $"{where} holds the address's hash: {text}");
        foreach (var answer in Answers.Take(2))
        {
            Assert.False(text.Contains(answer, StringComparison.OrdinalIgnoreCase), $"{where} holds the answer {answer}: {text}");
        }
    }
}
