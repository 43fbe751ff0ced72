using Microneedling.Domain.Clinics;
using Microneedling.Functions.Api;
using Microneedling.Functions.Catalog;
using Microneedling.Functions.PatientLinks;
using Microneedling.Storage.OptOuts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Microneedling.Functions.Pages;

public sealed record PageLinksView(string Book, string Manage);

public sealed record PagePolicyView(int MinimumNoticeHours, int HorizonDays, int CancellationCutoffHours, int RescheduleCutoffHours);

public sealed record PageSettingsView(string Clinic, string? LogoUrl, string PrimaryColor, PageLinksView Links, PagePolicyView Booking, CatalogView Catalog);

/// <summary>
/// The patient pages, on the short paths emails link to: <c>/book</c>, <c>/manage/{id}</c>,
/// <c>/unsubscribe/{hash}/{token}</c>, their files under <c>/assets/</c>, and the settings the
/// journeys read (also from a clinic's own site, where the booking element is embedded).
/// </summary>
public static class PageEndpoints
{
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _ = app.ServiceProvider.GetRequiredService<PageAssets>(); // a missing bundle stops the start, not the first page
        app.MapGet("/book", Booking).WithName("BookPage").ExcludeFromDescription();
        app.MapGet("/manage/{bookingId}", Manage).WithName("ManagePage").ExcludeFromDescription();
        app.MapMethods("/unsubscribe/{addressHash}/{token}", [HttpMethods.Get, HttpMethods.Post], Unsubscribe).WithName("UnsubscribePage").ExcludeFromDescription()
            .RequireRateLimiting(PublicWriteLimits.Policy);
        app.MapGet("/assets/{file}", Asset).WithName("PageAssets").ExcludeFromDescription();
        app.MapGroup("/api").WithTags("Catalog")
            .MapGet("/pages/settings", Settings)
            .WithName("PageSettings")
            .WithSummary("What the booking and manage pages show: the clinic's branding, links, booking policy and catalog.")
            .Produces<PageSettingsView>();
        return app;
    }

    internal static ContentHttpResult Booking(HttpResponse response, PageHtml html, PageSecurity security)
    {
        security.Apply(response, framable: true, noStore: false);
        return TypedResults.Content(html.Booking(), "text/html; charset=utf-8");
    }

    internal static ContentHttpResult Manage(string bookingId, HttpResponse response, PageHtml html, PageSecurity security)
    {
        security.Apply(response, framable: false, noStore: true);
        return TypedResults.Content(html.Manage(bookingId), "text/html; charset=utf-8");
    }

    /// <summary>GET shows what stops and a button; POST (the button, or a mail client's one-click) stops it. Nothing changes on a GET.</summary>
    internal static async Task<IResult> Unsubscribe(string addressHash, string token, HttpContext http, UnsubscribeTokens unsubscribes, OptOutRepository optOuts, PageHtml html, PageSecurity security,
        TimeProvider clock, CancellationToken ct)
    {
        security.Apply(http.Response, framable: false, noStore: true);
        if (!unsubscribes.Verify(addressHash, token))
        {
            return TypedResults.Content(html.UnsubscribeInvalid(), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        if (HttpMethods.IsPost(http.Request.Method))
        {
            await optOuts.AddAsync(addressHash, clock.GetUtcNow(), ct).ConfigureAwait(false);
            return TypedResults.Content(html.Unsubscribed(), "text/html; charset=utf-8");
        }

        return TypedResults.Content(html.Unsubscribe(await optOuts.ContainsAsync(addressHash, ct).ConfigureAwait(false)), "text/html; charset=utf-8");
    }

    /// <summary>A script or stylesheet: pre-compressed, validated by ETag, cached for a year under its hashed name.</summary>
    internal static IResult Asset(string file, HttpContext http, PageAssets assets)
    {
        if (assets.Find(file) is not var (asset, immutable))
        {
            return TypedResults.NotFound();
        }

        var headers = http.Response.Headers;
        headers.ETag = asset.ETag;
        headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "public, max-age=300";
        headers.Vary = HeaderNames.AcceptEncoding;
        headers.XContentTypeOptions = "nosniff";
        headers.AccessControlAllowOrigin = "*";
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(e => e.Trim() == asset.ETag)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var accepted = http.Request.GetTypedHeaders().AcceptEncoding;
        bool Accepts(string coding) => accepted.Any(a => a.Value.Equals(coding, StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);
        var (bytes, encoding) = asset.Brotli is { } br && Accepts("br") ? (br, "br")
            : asset.Gzip is { } gz && Accepts("gzip") ? (gz, "gzip")
            : (asset.Bytes, null);
        if (encoding is not null)
        {
            headers.ContentEncoding = encoding;
        }

        return TypedResults.Bytes(bytes, asset.ContentType);
    }

    internal static Ok<PageSettingsView> Settings(Clinic clinic, PageLinks links, HttpResponse response)
    {
        response.Headers.CacheControl = "public, max-age=60";
        return TypedResults.Ok(new PageSettingsView(
            clinic.Name,
            clinic.Brand.LogoUrl?.AbsoluteUri,
            clinic.Brand.PrimaryColor,
            new PageLinksView(links.Book.AbsoluteUri, links.ManageTemplate),
            new PagePolicyView((int)clinic.Booking.MinimumNotice.TotalHours, clinic.Booking.HorizonDays,
                (int)clinic.Booking.CancellationCutoff.TotalHours, (int)clinic.Booking.RescheduleCutoff.TotalHours),
            CatalogEndpoints.GetCatalog(clinic).Value!));
    }
}
