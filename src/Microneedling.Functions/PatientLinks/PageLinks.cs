using Microneedling.Domain.Clinics;
using Microneedling.Functions.Api;
using Microsoft.Extensions.Options;

namespace Microneedling.Functions.PatientLinks;

/// <summary>
/// Where emails and calendars send patients. Booking and manage pages are this app's own
/// (<c>Api:PublicUrl</c>) unless the clinic hosts them on its site (<c>Clinic:PublicBaseUrl</c>);
/// unsubscribing always happens here, because the one-click POST must reach this app.
/// </summary>
public sealed class PageLinks(Clinic clinic, IOptions<ApiOptions> api)
{
    public const string MissingMessage = "Set Api:PublicUrl (this app's public URL) so that emails can link to its pages, or Clinic:PublicBaseUrl for the clinic's own.";

    public Uri App => Slash(api.Value.PublicUrl ?? clinic.PublicBaseUrl ?? throw new InvalidOperationException(MissingMessage));

    public Uri Pages => Slash(clinic.PublicBaseUrl ?? api.Value.PublicUrl ?? throw new InvalidOperationException(MissingMessage));

    public Uri Book => new(Pages, "book");

    /// <summary>The manage page; with a token, in the fragment, which browsers never send to a server.</summary>
    public Uri Manage(string bookingId, string? token = null) =>
        new(Pages, $"manage/{Uri.EscapeDataString(bookingId)}" + (token is null ? string.Empty : $"#token={Uri.EscapeDataString(token)}"));

    /// <summary>The manage page's address with <c>{bookingId}</c> left for the pages to fill in.</summary>
    public string ManageTemplate => new Uri(Pages, "manage/").AbsoluteUri + "{bookingId}";

    /// <summary>The unsubscribe page: GET shows what stops, POST stops it (also the one-click List-Unsubscribe target).</summary>
    public Uri Unsubscribe(string addressHash, string token) => new(App, $"unsubscribe/{addressHash}/{token}");

    private static Uri Slash(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}
