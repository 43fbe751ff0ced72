using System.Text.Json.Nodes;
using Microneedling.Email;
using Microneedling.Functions.Reminders;
using Microneedling.Storage.Reminders;
using Microneedling.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Microneedling.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ReminderEngineTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Saturday = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Monday9 = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_fortnight_of_sweeps_across_the_spring_clock_change_sends_each_email_once_at_its_local_time()
    {
        await using var h = await ReminderHarness.StartAsync(azurite, new DateTimeOffset(2027, 3, 20, 12, 0, 0, TimeSpan.Zero));
        await h.BookAsync("dst@example.com", new DateTimeOffset(2027, 3, 29, 8, 0, 0, TimeSpan.Zero)); // Monday 09:00 BST

        await h.SweepUntilAsync(new DateTimeOffset(2027, 4, 6, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1));

        var sent = h.DeliveredTo("dst@example.com");
        Assert.Equal(
        [
            ("Your appointment is booked | Clearskin Clinic", new DateTimeOffset(2027, 3, 20, 13, 0, 0, TimeSpan.Zero)),
            ("Your appointment is tomorrow: how to prepare | Clearskin Clinic", new DateTimeOffset(2027, 3, 28, 8, 0, 0, TimeSpan.Zero)),
            ("Aftercare for today | Clearskin Clinic", new DateTimeOffset(2027, 3, 29, 18, 0, 0, TimeSpan.Zero)),
            ("Aftercare: the next few days | Clearskin Clinic", new DateTimeOffset(2027, 3, 30, 9, 0, 0, TimeSpan.Zero)),
            ("Aftercare: day three | Clearskin Clinic", new DateTimeOffset(2027, 4, 1, 9, 0, 0, TimeSpan.Zero)),
            ("How is your skin a week on? | Clearskin Clinic", new DateTimeOffset(2027, 4, 5, 9, 0, 0, TimeSpan.Zero)),
        ], sent);
        Assert.Equal(sent.Count, h.Acs.Attempts.Count);
    }

    [Fact]
    public async Task Two_app_instances_sweeping_at_once_send_each_email_once()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        await using var one = await ReminderHarness.StartAsync(azurite, Saturday, prefix);
        await using var two = await ReminderHarness.StartAsync(azurite, Saturday, prefix, one.Acs);
        for (var i = 0; i < 4; i++)
        {
            await one.BookAsync($"pair{i}@example.com", Monday9.AddMinutes(75 * i));
        }

        var results = new List<SweepResult>();
        foreach (var at in new[] { Saturday.AddMinutes(1), new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero) })
        {
            one.Api.Clock.SetUtcNow(at);
            two.Api.Clock.SetUtcNow(at);
            results.AddRange(await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => new[]
            {
                Task.Run(() => one.Sweep.RunAsync(CancellationToken.None)),
                Task.Run(() => two.Sweep.RunAsync(CancellationToken.None)),
            })));
        }

        Assert.Equal(8, one.Acs.Delivered.Count); // a confirmation and a pre-care for each booking
        Assert.Equal(8, one.Acs.Attempts.Count);
        Assert.Equal(8, results.Sum(r => r.Sent));
    }

    [Fact]
    public async Task A_sweep_that_died_after_claiming_is_completed_after_its_lease_without_a_duplicate()
    {
        await using var h = await ReminderHarness.StartAsync(azurite, Saturday);
        await h.BookAsync("claimed@example.com", Monday9);
        var repository = h.Api.Services.GetRequiredService<ReminderQueue>();
        var reminder = Assert.Single(await repository.DueAsync(Saturday.AddHours(-1), Saturday, CancellationToken.None));
        Assert.True(await repository.TryClaimAsync(reminder, Saturday, ReminderSweep.Lease, CancellationToken.None));

        var whileHeld = await h.Sweep.RunAsync(CancellationToken.None);
        h.Api.Clock.Advance(ReminderSweep.Lease + TimeSpan.FromMinutes(1));
        var afterLease = await h.Sweep.RunAsync(CancellationToken.None);

        Assert.Equal((1, 0), (whileHeld.Busy, whileHeld.Sent));
        Assert.Equal(1, afterLease.Sent);
        Assert.Single(h.Acs.Delivered);
        Assert.Single(h.Acs.Attempts);
    }

    [Fact]
    public async Task A_sweep_that_died_after_sending_is_recorded_without_sending_again()
    {
        await using var h = await ReminderHarness.StartAsync(azurite, Saturday);
        var (id, _) = await h.BookAsync("sent@example.com", Monday9);
        var repository = h.Api.Services.GetRequiredService<ReminderQueue>();
        var reminder = Assert.Single(await repository.DueAsync(Saturday.AddHours(-1), Saturday, CancellationToken.None));
        Assert.True(await repository.TryClaimAsync(reminder, Saturday, ReminderSweep.Lease, CancellationToken.None));
        var booking = await h.Api.Services.GetRequiredService<Microneedling.Storage.Bookings.BookingRepository>().GetAsync(id, CancellationToken.None);
        await h.Api.Services.GetRequiredService<IEmailSender>().SendAsync(h.Api.Services.GetRequiredService<ReminderEmails>().Compose(reminder, booking!), CancellationToken.None);

        h.Api.Clock.Advance(ReminderSweep.Lease + TimeSpan.FromMinutes(1));
        var result = await h.Sweep.RunAsync(CancellationToken.None);

        Assert.Equal(1, result.Sent);
        Assert.Single(h.Acs.Attempts);
        var log = await h.EmailLogAsync(id);
        Assert.Contains("earlier attempt", Assert.Single(log)!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_downtime_one_sweep_catches_up_and_drops_what_is_too_late()
    {
        await using var h = await ReminderHarness.StartAsync(azurite, Saturday);
        var (id, _) = await h.BookAsync("downtime@example.com", Monday9);
        await h.Sweep.RunAsync(CancellationToken.None);

        h.Api.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        await h.Sweep.RunAsync(CancellationToken.None);

        Assert.Equal(["Your appointment is booked | Clearskin Clinic", "Aftercare: the next few days | Clearskin Clinic"], h.DeliveredTo("downtime@example.com").Select(d => d.Subject));
        var log = await h.EmailLogAsync(id);
        Assert.Contains(log, e => e!["kind"]!.GetValue<string>() == "pre-care" && e["outcome"]!.GetValue<string>() == "skipped" && e["detail"]!.GetValue<string>() == "too-late");
        Assert.Contains(log, e => e!["kind"]!.GetValue<string>() == "aftercare-day0" && e["detail"]!.GetValue<string>() == "too-late");
    }

    [Fact]
    public async Task A_cancelled_booking_gets_its_cancellation_and_nothing_else()
    {
        await using var h = await ReminderHarness.StartAsync(azurite, Saturday);
        var (id, token) = await h.BookAsync("cancel@example.com", Monday9);
        await h.Sweep.RunAsync(CancellationToken.None);
        using var cancelled = await h.Api.PostAsync($"/api/bookings/{id}/cancel", new JsonObject(), manageToken: token);

        await h.SweepUntilAsync(new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(6));

        Assert.Equal(["Your appointment is booked | Clearskin Clinic", "Your appointment is cancelled | Clearskin Clinic"],
            h.DeliveredTo("cancel@example.com").Select(d => d.Subject).Order(StringComparer.Ordinal));
        var cancellation = h.Acs.Delivered.Values.Single(d => d.Body.GetProperty("content").GetProperty("subject").GetString()!.Contains("cancelled", StringComparison.Ordinal));
        var ics = Convert.FromBase64String(cancellation.Body.GetProperty("attachments")[0].GetProperty("contentInBase64").GetString()!);
        Assert.Equal("CANCEL", IcalJs.Parse(ics)[0].Method);
        Assert.Contains(await h.EmailLogAsync(id), e => e!["kind"]!.GetValue<string>() == "pre-care" && e["detail"]!.GetValue<string>() == "cancelled");
    }

    [Fact]
    public async Task A_reschedule_sends_an_update_and_retimes_what_is_pending()
    {
        await using var h = await ReminderHarness.StartAsync(azurite, Saturday);
        var (id, token) = await h.BookAsync("move@example.com", Monday9);
        await h.Sweep.RunAsync(CancellationToken.None);
        using var moved = await h.Api.PostAsync($"/api/bookings/{id}/sessions/1/reschedule", new JsonObject { ["start"] = "2026-12-02T10:00:00Z" }, manageToken: token);
        Assert.True(moved.IsSuccessStatusCode);

        await h.SweepUntilAsync(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1));

        var sent = h.DeliveredTo("move@example.com");
        Assert.Equal("Your appointment has moved | Clearskin Clinic", sent[1].Subject);
        Assert.Equal(("Your appointment is tomorrow: how to prepare | Clearskin Clinic", new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)), sent[2]);
        Assert.Equal(3, sent.Count);
        Assert.Contains(await h.EmailLogAsync(id), e => e!["kind"]!.GetValue<string>() == "pre-care" && e["detail"]!.GetValue<string>() == "superseded");
    }

    [Fact]
    public async Task A_transient_failure_is_retried_later_and_a_permanent_one_is_recorded()
    {
        await using var h = await ReminderHarness.StartAsync(azurite, Saturday);
        var (first, _) = await h.BookAsync("flaky@example.com", Monday9);
        h.Acs.FailNext(503);

        var failedOnce = await h.Sweep.RunAsync(CancellationToken.None);
        var tooSoon = await h.Sweep.RunAsync(CancellationToken.None);
        h.Api.Clock.Advance(TimeSpan.FromMinutes(2));
        var retried = await h.Sweep.RunAsync(CancellationToken.None);
        var (second, _) = await h.BookAsync("rejected@example.com", Monday9.AddHours(2));
        h.Acs.FailNext(400);
        var rejected = await h.Sweep.RunAsync(CancellationToken.None);

        Assert.Equal((1, 0), (failedOnce.Retrying, failedOnce.Sent));
        Assert.Equal(0, tooSoon.Sent);
        Assert.Equal(1, retried.Sent);
        Assert.Equal(1, rejected.Failed);
        Assert.Equal("sent", Assert.Single(await h.EmailLogAsync(first))!["outcome"]!.GetValue<string>());
        var failure = Assert.Single(await h.EmailLogAsync(second))!;
        Assert.Equal(("failed", "400 BadRequest"), (failure["outcome"]!.GetValue<string>(), failure["detail"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_change_before_the_first_sweep_sends_only_what_is_still_true()
    {
        await using var h = await ReminderHarness.StartAsync(azurite, Saturday);
        var (id, token) = await h.BookAsync("quick@example.com", Monday9);
        using var cancelled = await h.Api.PostAsync($"/api/bookings/{id}/cancel", new JsonObject(), manageToken: token);

        await h.Sweep.RunAsync(CancellationToken.None);

        Assert.Equal(["Your appointment is cancelled | Clearskin Clinic"], h.DeliveredTo("quick@example.com").Select(d => d.Subject));
        Assert.Contains(await h.EmailLogAsync(id), e => e!["kind"]!.GetValue<string>() == "booking-confirmation" && e["detail"]!.GetValue<string>() == "cancelled");
    }

    [Fact]
    public async Task Rebooking_reminders_respect_an_unsubscribe_and_the_link_in_them_works()
    {
        await using var h = await ReminderHarness.StartAsync(azurite, Saturday);
        var (kept, _) = await h.BookAsync("keeps@example.com", Monday9);
        var (stopped, _) = await h.BookAsync("stops@example.com", Monday9.AddHours(2));
        await h.SweepUntilAsync(new DateTimeOffset(2026, 12, 28, 12, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(1));
        var open = h.Acs.Delivered.Values.Single(d => d.Body.GetProperty("content").GetProperty("subject").GetString()!.StartsWith("Time to book", StringComparison.Ordinal)
            && d.Body.GetProperty("recipients").GetProperty("to")[0].GetProperty("address").GetString() == "keeps@example.com");
        Assert.StartsWith("<", open.Body.GetProperty("headers").GetProperty("List-Unsubscribe").GetString(), StringComparison.Ordinal);
        var stopsOpen = h.Acs.Delivered.Values.Single(d => d.Body.GetProperty("content").GetProperty("subject").GetString()!.StartsWith("Time to book", StringComparison.Ordinal)
            && d.Body.GetProperty("recipients").GetProperty("to")[0].GetProperty("address").GetString() == "stops@example.com");
        var link = new Uri(stopsOpen.Body.GetProperty("headers").GetProperty("List-Unsubscribe").GetString()!.Trim('<', '>'));

        using var unsubscribe = await h.Api.Client.PostAsync(new Uri(link.AbsolutePath, UriKind.Relative), new StringContent("List-Unsubscribe=One-Click"));
        using var forged = await h.Api.Client.PostAsync(new Uri(link.AbsolutePath[..^4] + "0000", UriKind.Relative), new StringContent(""));
        await h.SweepUntilAsync(new DateTimeOffset(2027, 1, 12, 12, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(1));

        Assert.StartsWith("/unsubscribe/", link.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, unsubscribe.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Contains(h.DeliveredTo("keeps@example.com"), d => d.Subject.StartsWith("The window for your next session is closing", StringComparison.Ordinal));
        Assert.DoesNotContain(h.DeliveredTo("stops@example.com"), d => d.Subject.StartsWith("The window for your next session is closing", StringComparison.Ordinal));
        Assert.Contains(await h.EmailLogAsync(stopped), e => e!["kind"]!.GetValue<string>() == "rebooking-closing" && e["detail"]!.GetValue<string>() == "opted-out");
        Assert.Contains(await h.EmailLogAsync(kept), e => e!["kind"]!.GetValue<string>() == "rebooking-closing" && e["outcome"]!.GetValue<string>() == "sent");
    }

    [Fact]
    public async Task A_booking_request_schedules_only_its_confirmation_and_the_sweep_schedules_the_rest_once()
    {
        await using var h = await ReminderHarness.StartAsync(azurite, Saturday);
        await h.BookAsync("split@example.com", Monday9);
        var repository = h.Api.Services.GetRequiredService<ReminderQueue>();
        var horizon = Saturday.AddYears(2);

        var afterBooking = await repository.DueAsync(Saturday.AddHours(-1), horizon, CancellationToken.None);
        await h.Sweep.RunAsync(CancellationToken.None);
        var afterSweep = await repository.DueAsync(Saturday.AddHours(-1), horizon, CancellationToken.None);
        await h.Api.Services.GetRequiredService<ReminderScheduler>().ScheduleFollowingAsync(
            (await h.Api.Services.GetRequiredService<Microneedling.Storage.Bookings.BookingRepository>().GetAsync(afterBooking[0].BookingId, CancellationToken.None))!,
            afterBooking[0], Saturday, CancellationToken.None);
        var again = await repository.DueAsync(Saturday.AddHours(-1), horizon, CancellationToken.None);

        Assert.Equal(Domain.Reminders.ReminderKind.BookingConfirmation, Assert.Single(afterBooking).Kind);
        Assert.Equal(8, afterSweep.Count); // pre-care, aftercare 0/1/3, day 7, rebooking open/closing, maintenance
        Assert.Equal(afterSweep.Count, again.Count);
    }

    [Fact]
    public async Task The_functions_host_can_fire_the_sweep()
    {
        await using var h = await ReminderHarness.StartAsync(azurite, Saturday);
        await h.BookAsync("host@example.com", Monday9);
        using var body = new StringContent("""{"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":false}},"Metadata":{"sys":{"MethodName":"ReminderSweep"}}}""",
            System.Text.Encoding.UTF8, "application/json");

        using var response = await h.Api.Client.PostAsync(new Uri("/ReminderSweep", UriKind.Relative), body);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Contains("1 sent", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(h.DeliveredTo("host@example.com"));
    }
}
