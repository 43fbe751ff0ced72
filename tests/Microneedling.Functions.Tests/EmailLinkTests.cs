using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microneedling.Domain.Reminders;
using Microneedling.Email;
using Microneedling.Email.Templates;
using Microneedling.Functions.PatientLinks;
using Microneedling.Functions.Reminders;
using Microneedling.Storage.Bookings;
using Microneedling.Storage.Reminders;
using Microneedling.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Microneedling.Functions.Tests;

/// <summary>Every link of every email template, rendered for a real booking, followed against the app.</summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class EmailLinkTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ApiFactory _api = new(azurite);

    [Fact]
    public async Task Every_link_of_every_template_resolves_to_a_page_that_works()
    {
        var body = ApiFactory.BookingBody(await _api.EligibleIntakeIdAsync(), ("amira", "2026-11-30T09:00:00Z"), ("amira", "2027-01-04T09:00:00Z"));
        var created = await ApiFactory.JsonAsync(await _api.PostAsync("/api/bookings", body));
        var booking = (await _api.Services.GetRequiredService<BookingRepository>().GetAsync(created["bookingId"]!.GetValue<string>(), CancellationToken.None))!;
        var emails = _api.Services.GetRequiredService<ReminderEmails>();
        var rendered = Enum.GetValues<ReminderKind>()
            .Select(kind => (Kind: kind.ToString(), Message: emails.Compose(new ReminderEntity { Kind = kind, SessionNumber = 1, OperationId = Guid.NewGuid() }, booking)))
            .Append(("ConsultNeeded", EmailComposer.Compose(new EmailModel(EmailKind.ConsultNeeded, "Zoë", new EmailAddress("zoe@example.com"),
                _api.Services.GetRequiredService<ClinicBranding>(), BookingUrl: _api.Services.GetRequiredService<PageLinks>().Book, Reasons: ["You tend to scar easily."]), Guid.NewGuid())))
            .ToList();

        var followed = new List<string>();
        foreach (var (kind, message) in rendered)
        {
            var links = Href().Matches(message.Html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
                .Concat(Url().Matches(message.PlainText).Select(m => m.Value))
                .Concat(message.Headers.TryGetValue("List-Unsubscribe", out var header) ? [header.Trim('<', '>')] : [])
                .Distinct()
                .ToList();
            foreach (var link in links)
            {
                await AssertWorksAsync(kind, new Uri(link));
                followed.Add($"{kind} {new Uri(link).AbsolutePath.Split('/')[1]}");
            }
        }

        Assert.Contains("BookingConfirmation manage", followed);
        Assert.Contains("PreCare manage", followed);
        Assert.Contains("Cancelled book", followed);
        Assert.Contains("ConsultNeeded book", followed);
        Assert.Contains("Maintenance unsubscribe", followed);
        Assert.Contains("RebookingOpen unsubscribe", followed);
        Assert.DoesNotContain(followed, f => f.EndsWith(" api", StringComparison.Ordinal));
    }

    /// <summary>The page answers, every file it loads answers, and what it needs from the link (the manage token) works.</summary>
    private async Task AssertWorksAsync(string kind, Uri link)
    {
        Assert.Equal("http://127.0.0.1:7071", link.GetLeftPart(UriPartial.Authority));
        using var page = await _api.Client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{kind}: {link} answered {page.StatusCode}");
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        foreach (var asset in Asset().Matches(html).Select(m => m.Groups[1].Value))
        {
            using var file = await _api.Client.GetAsync(new Uri(asset, UriKind.Relative));
            Assert.True(file.StatusCode == HttpStatusCode.OK, $"{kind}: {asset} answered {file.StatusCode}");
        }

        var segments = link.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (segments[0])
        {
            case "manage":
                Assert.Contains("<clinic-manage", html, StringComparison.Ordinal);
                var token = Uri.UnescapeDataString(link.Fragment.Replace("#token=", string.Empty, StringComparison.Ordinal));
                using (var booking = await _api.GetAsync($"/api/bookings/{segments[1]}", token))
                {
                    Assert.True(booking.StatusCode == HttpStatusCode.OK, $"{kind}: the manage link's token was refused");
                }

                break;
            case "book":
                Assert.Contains("<clinic-booking", html, StringComparison.Ordinal);
                break;
            case "unsubscribe":
                Assert.Contains("Stop these emails", html, StringComparison.Ordinal);
                break;
            default:
                Assert.Fail($"{kind} links to {link}, which is not a page");
                break;
        }
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    [GeneratedRegex("(?:src|href)=\"(/assets/[^\"]+)\"")]
    private static partial Regex Asset();

    public void Dispose() => _api.Dispose();
}
