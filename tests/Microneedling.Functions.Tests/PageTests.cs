using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microneedling.Functions.PatientLinks;
using Microneedling.Storage.OptOuts;
using Microneedling.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Microneedling.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed partial class PageTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ApiFactory _api = new(azurite);

    [Fact]
    public async Task The_booking_page_runs_only_the_apps_own_scripts_and_may_be_framed_by_the_clinics_sites()
    {
        using var page = await _api.Client.GetAsync(new Uri("/book", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Equal("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'self' http://localhost:3000 http://127.0.0.1:3000", csp);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("<clinic-booking></clinic-booking>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.Matches(@"<script type=""module"" src=""/assets/booking\.[0-9a-f]{12}\.js""></script>", html);
    }

    [Fact]
    public async Task Every_file_a_page_references_is_served_with_a_year_of_cache_and_its_etag()
    {
        var referenced = new List<string>();
        foreach (var path in new[] { "/book", "/manage/bk_0123456789abcdef01234567" })
        {
            var html = await _api.Client.GetStringAsync(new Uri(path, UriKind.Relative));
            referenced.AddRange(AssetReference().Matches(html).Select(m => m.Groups[1].Value));
        }

        Assert.Equal(5, referenced.Distinct().Count());
        foreach (var path in referenced.Distinct())
        {
            using var response = await _api.Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
            Assert.NotNull(response.Headers.ETag);
            using var again = new HttpRequestMessage(HttpMethod.Get, path);
            again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
            using var notModified = await _api.Client.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }
    }

    [Theory]
    [InlineData("br, gzip", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip;q=0, identity", null)]
    [InlineData(null, null)]
    public async Task Scripts_go_out_compressed_as_the_browser_accepts(string? acceptEncoding, string? expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/assets/booking.js");
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        using var response = await _api.Client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected is null ? [] : [expected], response.Content.Headers.ContentEncoding);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl!.ToString());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        var text = expected switch
        {
            "br" => Decompress(body, s => new System.IO.Compression.BrotliStream(s, System.IO.Compression.CompressionMode.Decompress)),
            "gzip" => Decompress(body, s => new System.IO.Compression.GZipStream(s, System.IO.Compression.CompressionMode.Decompress)),
            _ => System.Text.Encoding.UTF8.GetString(body),
        };
        Assert.Contains("clinic-booking", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/assets/nothing.js")]
    [InlineData("/assets/brand.css")]
    [InlineData("/assets/..%2Fappsettings.json")]
    public async Task Unknown_files_are_not_found(string path)
    {
        using var response = await _api.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_manage_page_is_never_stored_or_framed_and_encodes_what_the_address_says()
    {
        using var page = await _api.Client.GetAsync(new Uri("/manage/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("no-store", page.Headers.CacheControl!.ToString());
        Assert.EndsWith("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<clinic-manage booking-id=\"&quot;&gt;&lt;script&gt;alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsubscribing_shows_what_stops_on_a_get_and_does_it_only_on_a_post()
    {
        var optOuts = _api.Services.GetRequiredService<OptOutRepository>();
        var unsubscribes = _api.Services.GetRequiredService<UnsubscribeTokens>();
        var hash = OptOutRepository.AddressHash("page@example.com");
        var path = new Uri($"/unsubscribe/{hash}/{unsubscribes.Token(hash)}", UriKind.Relative);

        var shown = await _api.Client.GetStringAsync(path);
        var stillSubscribed = await optOuts.ContainsAsync(hash, CancellationToken.None);
        using var done = await _api.Client.PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        var shownAgain = await _api.Client.GetStringAsync(path);
        using var forged = await _api.Client.GetAsync(new Uri($"/unsubscribe/{hash}/{new string('0', 32)}", UriKind.Relative));

        Assert.Contains("<form method=\"post\"><button class=\"button\" type=\"submit\">Stop these emails</button></form>", shown, StringComparison.Ordinal);
        Assert.Contains("The yearly invitation to a maintenance session", shown, StringComparison.Ordinal);
        Assert.False(stillSubscribed);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("You will not get these emails any more", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await optOuts.ContainsAsync(hash, CancellationToken.None));
        Assert.Contains("These emails are already stopped for this address.", shownAgain, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", shownAgain, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Contains("This link does not work", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_settings_carry_the_brand_the_links_and_the_cut_offs()
    {
        using var response = await _api.GetAsync("/api/pages/settings");
        var settings = await ApiFactory.JsonAsync(response);

        Assert.Equal("Clearskin Clinic", settings["clinic"]!.GetValue<string>());
        Assert.Equal("#2f6f6a", settings["primaryColor"]!.GetValue<string>());
        Assert.Null(settings["logoUrl"]);
        Assert.Equal("http://127.0.0.1:7071/book", settings["links"]!["book"]!.GetValue<string>());
        Assert.Equal("http://127.0.0.1:7071/manage/{bookingId}", settings["links"]!["manage"]!.GetValue<string>());
        Assert.Equal(24, settings["booking"]!["cancellationCutoffHours"]!.GetValue<int>());
        Assert.Equal("Europe/London", settings["catalog"]!["timeZone"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_clinic_can_send_the_links_to_its_own_site_and_brand_the_pages()
    {
        using var clinicSite = new ApiFactory(azurite, extra: new Dictionary<string, string?>
        {
            ["Clinic:PublicBaseUrl"] = "https://www.clearskin.example/booking",
            ["Clinic:LogoUrl"] = "https://cdn.clearskin.example/logo.svg",
            ["Clinic:PrimaryColor"] = "#5B2A86",
        });

        var settings = await ApiFactory.JsonAsync(await clinicSite.GetAsync("/api/pages/settings"));
        using var page = await clinicSite.Client.GetAsync(new Uri("/book", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var brand = AssetReference().Matches(html).Select(m => m.Groups[1].Value).Single(p => p.Contains("/brand.", StringComparison.Ordinal));

        Assert.Equal("https://www.clearskin.example/booking/book", settings["links"]!["book"]!.GetValue<string>());
        Assert.Equal("https://www.clearskin.example/booking/manage/{bookingId}", settings["links"]!["manage"]!.GetValue<string>());
        Assert.Equal("#5b2a86", settings["primaryColor"]!.GetValue<string>());
        Assert.Contains("img-src 'self' https://cdn.clearskin.example;", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<img class=\"logo\" src=\"https://cdn.clearskin.example/logo.svg\" alt=\"Clearskin Clinic\"", html, StringComparison.Ordinal);
        Assert.Equal(":root{--mn-brand:#5b2a86}\n", await clinicSite.Client.GetStringAsync(new Uri(brand, UriKind.Relative)));
    }

    private static string Decompress(byte[] body, Func<Stream, Stream> decoder)
    {
        using var input = new MemoryStream(body);
        using var stream = decoder(input);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("(?:src|href)=\"(/assets/[^\"]+)\"")]
    private static partial Regex AssetReference();

    public void Dispose() => _api.Dispose();
}
