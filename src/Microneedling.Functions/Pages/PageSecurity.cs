using Microneedling.Domain.Clinics;
using Microneedling.Functions.Api;
using Microsoft.Extensions.Options;

namespace Microneedling.Functions.Pages;

/// <summary>
/// The headers every page carries: a Content-Security-Policy that lets the page run only this app's
/// own scripts and styles and talk only to this app, and no referrer (the manage page's token is in
/// its fragment, but nothing else about a patient's visit should leak either).
/// </summary>
public sealed class PageSecurity(Clinic clinic, IOptions<ApiOptions> api)
{
    /// <summary>Who may frame a page: the booking journey by the clinic's own sites (its CORS origins), nothing else by anyone.</summary>
    public string Policy(bool framable)
    {
        var images = clinic.Brand.LogoUrl is { } logo ? $"'self' {logo.GetLeftPart(UriPartial.Authority)}" : "'self'";
        var ancestors = framable ? string.Join(' ', ["'self'", .. api.Value.CorsOrigins.Select(o => o.TrimEnd('/'))]) : "'none'";
        return $"default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src {images}; base-uri 'none'; form-action 'self'; frame-ancestors {ancestors}";
    }

    public void Apply(HttpResponse response, bool framable, bool noStore)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers.ContentSecurityPolicy = Policy(framable);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = noStore ? "no-store" : "no-cache";
    }
}
