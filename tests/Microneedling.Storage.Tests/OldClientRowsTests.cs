using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microneedling.Domain.Intake;
using Microneedling.Domain.Reminders;
using Microneedling.Storage.Bookings;
using Microneedling.Storage.Entities;
using Microneedling.Storage.Idempotency;
using Microneedling.Storage.Intakes;
using Microneedling.Storage.OptOuts;
using Microneedling.Storage.Reminders;
using Microneedling.Testing;

namespace Microneedling.Storage.Tests;

/// <summary>
/// Rows a deployed clinic already has keep working: <c>Fixtures/old-client-rows.jsonl</c> holds the
/// JSON bodies the replaced client (Microneedling.Tables, commit 55b3b0a) sent for one of each row
/// the app writes, captured on the wire. They are stored byte for byte with raw REST requests
/// (the old wire shape: x-ms-version 2019-02-02, SharedKeyLite) and read through today's repositories.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OldClientRowsTests(AzuriteFixture azurite) : StorageTestBase(azurite)
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero).AddTicks(1234567);
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly AzuriteFixture _azurite = azurite;

    [Fact]
    public async Task Intakes_read_back_with_every_field()
    {
        await StoreOldRowsAsync();
        var intakes = new IntakeRepository(Tables);

        var consult = (await intakes.GetAsync("in_old1", CancellationToken.None))!;
        var eligible = (await intakes.GetAsync("in_old2", CancellationToken.None))!;

        Assert.Equal(("in_old1", IntakeOutcome.Consult, "isotretinoin-recent,keloid", "rolling,boxcar", ScarSeverity.Severe, FitzpatrickType.V, true),
            (consult.Id, consult.Outcome, consult.FindingCodes, consult.ScarTypes, consult.Severity, consult.Fitzpatrick, consult.ClearedByPractitioner));
        Assert.Equal((At.AddDays(30), At), (consult.AskAgainOn, consult.CreatedAt));
        Assert.Equal((IntakeOutcome.Eligible, (DateTimeOffset?)null, false, FitzpatrickType.II), (eligible.Outcome, eligible.AskAgainOn, eligible.ClearedByPractitioner, eligible.Fitzpatrick));
    }

    [Fact]
    public async Task A_booking_reads_back_with_its_sessions_receipt_schedule_and_email_log()
    {
        await StoreOldRowsAsync();

        var booking = (await Bookings.GetAsync("bk_old", CancellationToken.None))!;
        var receipt = await Bookings.GetReceiptAsync("bk_old", CancellationToken.None);
        var days = await Schedule.GetSessionsAsync("amira", Start.AddDays(-1), Start.AddDays(60), CancellationToken.None);
        var emails = await new EmailLog(Tables).OfBookingAsync("bk_old", CancellationToken.None);

        var h = booking.Header;
        Assert.Equal(("bk_old", BookingStatus.Confirmed, "microneedling", "soho", "in_old2", "Zoë O'Brien", "zoe@example.com", "hash", "prp", 2),
            (h.Id, h.Status, h.ServiceId, h.LocationId, h.IntakeId, h.PatientName, h.PatientEmail, h.ManageTokenHash, h.AddOnIds, h.SessionCount));
        Assert.Equal((At, At.AddMinutes(5)), (h.CreatedAt, h.UpdatedAt));
        Assert.Equal([(1, "amira", Start, Start.AddHours(1), Start.AddMinutes(75), SessionStatus.Attended, 2), (2, "amira", Start.AddDays(35), Start.AddDays(35).AddHours(1), Start.AddDays(35).AddMinutes(75), SessionStatus.Booked, 0)],
            booking.Sessions.Select(s => (s.Number, s.PractitionerId, s.Start, s.End, s.BlockedUntil, s.Status, s.Sequence)));
        Assert.Equal("{\"bookingId\":\"bk_old\"}", receipt?.Body);
        Assert.Equal([BookingWorkflow.ClaimOf("bk_old", "soho", booking.Sessions[0]), BookingWorkflow.ClaimOf("bk_old", "soho", booking.Sessions[1])], days);
        var email = Assert.Single(emails);
        Assert.Equal((ReminderKind.BookingConfirmation, 1, Guid.Parse("b7dd9a28-2d6f-6ee2-5f7b-7971f82bcff3"), EmailOutcome.Sent, "Succeeded", At.AddSeconds(3), 1),
            (email.Kind, email.SessionNumber, email.OperationId, email.Outcome, email.Detail, email.At, email.Attempts));
    }

    [Fact]
    public async Task An_old_booking_can_still_be_cancelled_with_its_etags()
    {
        await StoreOldRowsAsync();
        var booking = (await Bookings.GetAsync("bk_old", CancellationToken.None))!;

        var result = await Workflow.CancelAsync(booking, [2], Now, CancellationToken.None);

        Assert.Equal(WriteOutcome.Done, result.Outcome);
        Assert.Equal(SessionStatus.Cancelled, (await Bookings.GetAsync("bk_old", CancellationToken.None))!.Session(2)!.Status);
        Assert.Single(await Schedule.GetSessionsAsync("amira", Start.AddDays(-1), Start.AddDays(60), CancellationToken.None));
    }

    [Fact]
    public async Task Reminders_read_back_with_guids_dates_and_states_and_can_be_claimed()
    {
        await StoreOldRowsAsync();
        var reminders = new ReminderQueue(Tables);

        var due = await reminders.DueAsync(At.AddMinutes(-1), At.AddMinutes(1), CancellationToken.None);

        Assert.Equal(
        [
            (ReminderKind.PreCare, 2, 0, At, At.AddDays(9), ReminderState.Pending, (DateTimeOffset?)null, (DateTimeOffset?)null, 0, (string?)null),
            (ReminderKind.AftercareDay1, 1, 2, At.AddSeconds(1), At.AddDays(2), ReminderState.Pending, null, At.AddMinutes(3), 1, "HttpRequestException"),
            (ReminderKind.BookingConfirmation, 1, 2, At.AddSeconds(2), Start, ReminderState.Claimed, At.AddMinutes(5), null, 0, null),
        ], due.Select(r => (r.Kind, r.SessionNumber, r.SessionSequence, r.DueAt, r.StaleAt, r.State, r.ClaimedUntil, r.NotBefore, r.Attempts, r.LastError)));
        Assert.Equal(ReminderEntity.Create("bk_old", 2, 0, ReminderKind.PreCare, At, At.AddDays(9)).OperationId, due[0].OperationId);
        Assert.True(await reminders.TryClaimAsync(due[0], At, TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.Equal(At.AddSeconds(4), (await new SweepCheckpoint(Tables).ReadAsync(CancellationToken.None)).Through);
    }

    [Fact]
    public async Task Intents_idempotency_keys_and_opt_outs_read_back()
    {
        await StoreOldRowsAsync();

        var intents = await new RecoveryRepository(Tables).OlderThanAsync(DateTimeOffset.MaxValue, CancellationToken.None);
        var repeat = await new IdempotencyRepository(Tables).BeginAsync("POST /api/bookings", "key-1", "{}", "bk_new", Now, CancellationToken.None);
        var optedOut = await new OptOutRepository(Tables).ContainsAsync(Convert.ToHexStringLower(SHA256.HashData("ZOE@EXAMPLE.COM"u8)), CancellationToken.None);

        Assert.Equal([(BookingChange.Created, "1,2", 2), (BookingChange.Rescheduled, "2", 1)],
            intents.OrderBy(i => i.Change).Select(i => (i.Change, string.Join(',', i.Sessions), i.Claims.Count)));
        Assert.All(intents, i => Assert.Equal(("bk_old", At), (i.BookingId, i.CreatedAt)));
        Assert.Equal((IdempotencyDecision.Repeat, "bk_old", At), (repeat.Decision, repeat.Record.ResourceId, repeat.Record.CreatedAt));
        Assert.True(optedOut);
    }

    /// <summary>Stores each fixture row as the old client sent it: the same JSON, with its headers and signature scheme.</summary>
    private async Task StoreOldRowsAsync()
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "old-client-rows.jsonl"));
        using var http = new HttpClient();
        var service = new TableServiceClient(ConnectionString);
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            using var row = JsonDocument.Parse(line);
            var table = Prefix + row.RootElement.GetProperty("table").GetString();
            await service.CreateTableIfNotExistsAsync(table);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_azurite.TableEndpoint.AbsoluteUri.TrimEnd('/') + "/" + table))
            {
                Content = new StringContent(row.RootElement.GetProperty("entity").GetRawText(), Encoding.UTF8),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var date = DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture);
            var toSign = $"{date}\n/{AzuriteFixture.AccountName}{request.RequestUri!.AbsolutePath}";
            var signature = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(AzuriteFixture.AccountKey), Encoding.UTF8.GetBytes(toSign)));
            request.Headers.Add("x-ms-date", date);
            request.Headers.Add("x-ms-version", "2019-02-02");
            request.Headers.Add("DataServiceVersion", "3.0");
            request.Headers.Add("Accept", "application/json;odata=minimalmetadata");
            request.Headers.Add("Prefer", "return-no-content");
            request.Headers.Authorization = new AuthenticationHeaderValue("SharedKeyLite", $"{AzuriteFixture.AccountName}:{signature}");
            using var response = await http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"{table}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
