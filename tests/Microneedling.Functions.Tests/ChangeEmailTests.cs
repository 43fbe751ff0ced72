using System.Text.Json;
using System.Text.Json.Nodes;
using Microneedling.Testing;

namespace Microneedling.Functions.Tests;

/// <summary>
/// The emails a booking change sends: at once after the change is stored (the sweep is the
/// backstop), a series in one email, and emails that make sense on their own when the booking
/// changed before its confirmation went out.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ChangeEmailTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Saturday = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset[] Series = [new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero), new(2027, 2, 1, 9, 0, 0, TimeSpan.Zero)];

    [Fact]
    public async Task The_confirmation_goes_as_soon_as_the_booking_is_stored_and_the_sweep_does_not_send_it_again()
    {
        await using var h = await ReminderHarness.StartAsync(azurite, Saturday, atOnce: true);
        var (id, _) = await h.BookAsync("atonce@example.com", Series[0]);

        await h.ChangeEmailsDoneAsync();
        var swept = await h.Sweep.RunAsync(CancellationToken.None);

        Assert.Equal(["Your appointment is booked | Clearskin Clinic"], h.DeliveredTo("atonce@example.com").Select(d => d.Subject));
        Assert.Equal(Saturday, h.DeliveredTo("atonce@example.com")[0].SentAt);
        Assert.Equal((0, 0), (swept.Due, swept.Sent));
        Assert.Single(h.Acs.Attempts);
        Assert.Contains(await h.EmailLogAsync(id), e => e!["kind"]!.GetValue<string>() == "booking-confirmation" && e["outcome"]!.GetValue<string>() == "sent");
    }

    [Fact]
    public async Task A_series_is_confirmed_in_one_email_listing_every_session_with_an_invite_for_each()
    {
        await using var h = await ReminderHarness.StartAsync(azurite, Saturday, atOnce: true);
        await h.BookAsync("series@example.com", Series);

        await h.ChangeEmailsDoneAsync();

        var email = Assert.Single(h.BodiesTo("series@example.com"));
        Assert.Equal("Your treatment series is booked | Clearskin Clinic", Subject(email));
        var text = email.GetProperty("content").GetProperty("plainText").GetString()!;
        Assert.Contains("Session 1 of 3:", text, StringComparison.Ordinal);
        Assert.Contains("Monday 30 November 2026, 09:00", text, StringComparison.Ordinal);
        Assert.Contains("Monday 4 January 2027, 09:00", text, StringComparison.Ordinal);
        Assert.Contains("Monday 1 February 2027, 09:00", text, StringComparison.Ordinal);
        var invites = Calendars(email).Where(c => c.Method == "REQUEST").ToList();
        Assert.Equal(3, invites.Count);
        Assert.Equal(3, invites.Select(c => Assert.Single(c.Events).Uid).Distinct().Count());
    }

    [Fact]
    public async Task Cancelling_a_series_sends_one_email_that_removes_every_session()
    {
        await using var h = await ReminderHarness.StartAsync(azurite, Saturday, atOnce: true);
        var (id, token) = await h.BookAsync("cancelseries@example.com", Series);
        await h.ChangeEmailsDoneAsync();

        using var cancelled = await h.Api.PostAsync($"/api/bookings/{id}/cancel", new JsonObject(), manageToken: token);
        await h.ChangeEmailsDoneAsync();

        Assert.True(cancelled.IsSuccessStatusCode);
        var emails = h.BodiesTo("cancelseries@example.com");
        Assert.Equal(["Your treatment series is booked | Clearskin Clinic", "Your appointments are cancelled | Clearskin Clinic"], emails.Select(Subject));
        var removals = Calendars(emails[1]);
        Assert.Equal(3, removals.Count);
        Assert.All(removals, c => Assert.Equal(("CANCEL", "CANCELLED"), (c.Method, Assert.Single(c.Events).Status)));
        Assert.Equal(
            Calendars(emails[0]).Where(c => c.Method == "REQUEST").Select(c => c.Events[0].Uid).Order(StringComparer.Ordinal),
            removals.Select(c => c.Events[0].Uid).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_move_before_the_confirmation_went_out_is_in_the_confirmation_and_not_sent_again()
    {
        await using var h = await ReminderHarness.StartAsync(azurite, Saturday);
        var (id, token) = await h.BookAsync("earlymove@example.com", Series[0]);
        using var moved = await h.Api.PostAsync($"/api/bookings/{id}/sessions/1/reschedule", new JsonObject { ["start"] = "2026-12-02T10:00:00Z" }, manageToken: token);

        await h.Sweep.RunAsync(CancellationToken.None);

        Assert.True(moved.IsSuccessStatusCode);
        var email = Assert.Single(h.BodiesTo("earlymove@example.com"));
        Assert.Contains("Wednesday 2 December 2026, 10:00", email.GetProperty("content").GetProperty("plainText").GetString()!, StringComparison.Ordinal);
        Assert.Contains(await h.EmailLogAsync(id), e => e!["kind"]!.GetValue<string>() == "rescheduled" && e["detail"]!.GetValue<string>() == "covered-by-confirmation");
    }

    [Fact]
    public async Task A_session_cancelled_before_the_confirmation_went_out_is_left_out_of_it_with_no_cancellation()
    {
        await using var h = await ReminderHarness.StartAsync(azurite, Saturday);
        var (id, token) = await h.BookAsync("earlycancel@example.com", Series);
        using var cancelled = await h.Api.PostAsync($"/api/bookings/{id}/cancel", new JsonObject { ["sessionNumbers"] = new JsonArray(3) }, manageToken: token);

        await h.Sweep.RunAsync(CancellationToken.None);

        var email = Assert.Single(h.BodiesTo("earlycancel@example.com"));
        var text = email.GetProperty("content").GetProperty("plainText").GetString()!;
        Assert.Contains("Your treatment series is booked: 2 sessions.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("February 2027", text, StringComparison.Ordinal);
        Assert.Contains(await h.EmailLogAsync(id), e => e!["kind"]!.GetValue<string>() == "cancelled" && e["detail"]!.GetValue<string>() == "never-confirmed");
    }

    [Fact]
    public async Task A_move_waits_for_a_confirmation_still_being_retried_so_the_emails_arrive_in_order()
    {
        await using var h = await ReminderHarness.StartAsync(azurite, Saturday);
        var (id, token) = await h.BookAsync("waits@example.com", Series[0]);
        await h.Sweep.RunAsync(CancellationToken.None); // sends the confirmation...
        Assert.Single(h.BodiesTo("waits@example.com"));
        using var moved = await h.Api.PostAsync($"/api/bookings/{id}/sessions/1/reschedule", new JsonObject { ["start"] = "2026-12-02T10:00:00Z" }, manageToken: token);
        var (second, secondToken) = await h.BookAsync("waits2@example.com", Series[0].AddHours(2));
        h.Acs.FailNext(503); // ...but the second booking's confirmation fails for now
        await h.Sweep.RunAsync(CancellationToken.None);
        using var movedSecond = await h.Api.PostAsync($"/api/bookings/{second}/sessions/1/reschedule", new JsonObject { ["start"] = "2026-12-02T12:00:00Z" }, manageToken: secondToken);

        var waiting = await h.Sweep.RunAsync(CancellationToken.None);
        h.Api.Clock.Advance(TimeSpan.FromMinutes(2));
        await h.Sweep.RunAsync(CancellationToken.None);

        Assert.Equal(["Your appointment is booked | Clearskin Clinic", "Your appointment has moved | Clearskin Clinic"], h.DeliveredTo("waits@example.com").Select(d => d.Subject));
        Assert.Equal(0, waiting.Sent);
        var secondEmail = Assert.Single(h.BodiesTo("waits2@example.com"));
        Assert.Contains("Wednesday 2 December 2026, 12:00", secondEmail.GetProperty("content").GetProperty("plainText").GetString()!, StringComparison.Ordinal);
        Assert.Contains(await h.EmailLogAsync(second), e => e!["kind"]!.GetValue<string>() == "rescheduled" && e["detail"]!.GetValue<string>() == "covered-by-confirmation");
    }

    [Fact]
    public async Task Change_emails_sent_at_once_and_sweeps_running_at_the_same_time_send_each_email_once()
    {
        await using var h = await ReminderHarness.StartAsync(azurite, Saturday, atOnce: true);
        using var stop = new CancellationTokenSource();
        var sweeping = Task.Run(async () =>
        {
            var sweeps = 0;
            while (!stop.IsCancellationRequested)
            {
                await h.Sweep.RunAsync(CancellationToken.None);
                sweeps++;
            }

            return sweeps;
        });

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => h.BookAsync($"race{i}@example.com", Series[0].AddMinutes(75 * i))));
        await h.ChangeEmailsDoneAsync();
        await stop.CancelAsync();
        var sweeps = await sweeping;
        await h.Sweep.RunAsync(CancellationToken.None);

        Assert.True(sweeps > 0);
        Assert.Equal(6, h.Acs.Delivered.Count);
        Assert.Equal(6, h.Acs.Attempts.Count);
    }

    private static string Subject(JsonElement email) => email.GetProperty("content").GetProperty("subject").GetString()!;

    private static IReadOnlyList<ParsedCalendar> Calendars(JsonElement email) =>
        IcalJs.Parse([.. email.GetProperty("attachments").EnumerateArray()
            .Where(a => a.GetProperty("name").GetString()!.StartsWith("session-", StringComparison.Ordinal))
            .Select(a => Convert.FromBase64String(a.GetProperty("contentInBase64").GetString()!))]);
}
