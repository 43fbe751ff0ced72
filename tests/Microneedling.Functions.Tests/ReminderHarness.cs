using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microneedling.Functions.Reminders;
using Microneedling.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Microneedling.Functions.Tests;

/// <summary>
/// The app under a (pretend) Functions host, so only the test fires sweeps; email goes to a
/// loopback ACS server with pacing off; the clock is the test's.
/// </summary>
public sealed class ReminderHarness : IAsyncDisposable
{
    private ReminderHarness(ApiFactory api, AcsLoopbackServer acs)
    {
        Api = api;
        Acs = acs;
    }

    public ApiFactory Api { get; }

    public AcsLoopbackServer Acs { get; }

    public ReminderSweep Sweep => Api.Services.GetRequiredService<ReminderSweep>();

    /// <summary>
    /// By default change emails wait for a sweep, so a test controls when each email goes; with
    /// <paramref name="atOnce"/> they go as soon as the change is stored, as in production.
    /// </summary>
    public static async Task<ReminderHarness> StartAsync(AzuriteFixture azurite, DateTimeOffset now, string? tablePrefix = null, AcsLoopbackServer? sharedAcs = null, bool atOnce = false)
    {
        var acs = sharedAcs ?? await AcsLoopbackServer.StartAsync();
        var api = new ApiFactory(azurite, extra: new Dictionary<string, string?>
        {
            ["Api:TablePrefix"] = tablePrefix ?? "t" + Guid.NewGuid().ToString("N")[..10],
            ["Email:MaxRetries"] = "0",
            ["Email:Sender"] = "Acs",
            ["Email:AcsConnectionString"] = acs.ConnectionString,
            ["Email:Pacing:PerMinute"] = "0",
            ["Email:Pacing:PerHour"] = "0",
            ["Reminders:SendChangeEmailsAtOnce"] = atOnce ? "true" : "false",
        }, underFunctionsHost: true);
        api.Clock.SetUtcNow(now);
        return new ReminderHarness(api, acs);
    }

    /// <summary>Books sessions for a new eligible patient through the API; returns the booking id and manage token.</summary>
    public async Task<(string Id, string Token)> BookAsync(string email, params DateTimeOffset[] starts)
    {
        var intake = await Api.EligibleIntakeIdAsync();
        var body = ApiFactory.BookingBody(intake, [.. starts.Select(s => ("amira", s.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)))]);
        body["patient"] = new JsonObject { ["name"] = "Reminder Patient", ["email"] = email };
        using var response = await Api.PostAsync("/api/bookings", body);
        var created = await ApiFactory.JsonAsync(response);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(created.ToJsonString());
        }

        return (created["bookingId"]!.GetValue<string>(), created["manageToken"]!.GetValue<string>());
    }

    /// <summary>Waits (real time, at most 20 s) until every queued change email has been dealt with.</summary>
    public async Task ChangeEmailsDoneAsync()
    {
        var queue = Api.Services.GetRequiredService<ChangeEmailQueue>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (queue.Pending > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{queue.Pending} change emails still queued.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>The emails delivered to one address, as ACS received them (subject, plain text, attachments).</summary>
    public IReadOnlyList<System.Text.Json.JsonElement> BodiesTo(string email) =>
    [
        .. DeliveredInOrder(email).OrderBy(d => DateTimeOffset.Parse(d.Date, CultureInfo.InvariantCulture)).Select(d => d.Body),
    ];

    /// <summary>Delivered emails to one address in the order they arrived (sorting by clock time after this keeps it for equal times).</summary>
    private IEnumerable<ReceivedSend> DeliveredInOrder(string email) =>
        Acs.Attempts
            .Where(a => Acs.Delivered.ContainsKey(a.OperationId))
            .DistinctBy(a => a.OperationId)
            .Select(a => Acs.Delivered[a.OperationId])
            .Where(d => d.Body.GetProperty("recipients").GetProperty("to")[0].GetProperty("address").GetString() == email);

    /// <summary>Moves the clock in steps, sweeping after each, until <paramref name="until"/>.</summary>
    public async Task SweepUntilAsync(DateTimeOffset until, TimeSpan step)
    {
        while (Api.Clock.GetUtcNow() < until)
        {
            Api.Clock.Advance(step);
            await Sweep.RunAsync(CancellationToken.None);
        }
    }

    /// <summary>Delivered emails to one address, by subject, with the clock time each was sent.</summary>
    public IReadOnlyList<(string Subject, DateTimeOffset SentAt)> DeliveredTo(string email) =>
    [
        .. DeliveredInOrder(email)
            .Select(d => (d.Body.GetProperty("content").GetProperty("subject").GetString()!, DateTimeOffset.Parse(d.Date, CultureInfo.InvariantCulture)))
            .OrderBy(d => d.Item2),
    ];

    public async Task<JsonArray> EmailLogAsync(string bookingId)
    {
        using var response = await Api.GetAsync($"/api/staff/bookings/{bookingId}/emails");
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Acs.DisposeAsync();
    }
}
