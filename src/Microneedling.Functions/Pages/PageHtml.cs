using System.Text;
using System.Text.Encodings.Web;
using Microneedling.Domain.Clinics;

namespace Microneedling.Functions.Pages;

/// <summary>
/// The HTML of the app's pages: the clinic's header and the page's heading, rendered here so they
/// show at once, around the journey's element (booking, manage) or a plain form (unsubscribe).
/// Every value is HTML-encoded; nothing inline runs or styles (the CSP forbids it).
/// </summary>
public sealed class PageHtml(Clinic clinic, PageAssets assets)
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public string Booking() => Page(Text("page.bookTitle"), "booking.js",
        $"""<p class="intro">{E(Text("page.bookIntro"))}</p><div class="panel"><clinic-booking></clinic-booking><noscript><p>{E(Text("page.noScript"))}</p></noscript></div>""");

    public string Manage(string bookingId) => Page(Text("page.manageTitle"), "manage.js",
        $"""<p class="intro">{E(Text("page.manageIntro"))}</p><div class="panel"><clinic-manage booking-id="{E(bookingId)}"></clinic-manage><noscript><p>{E(Text("page.noScript"))}</p></noscript></div>""");

    public string Unsubscribe(bool alreadyOptedOut)
    {
        var stops = string.Concat(assets.Text.List("page.unsubscribeStops").Select(s => $"<li>{E(s)}</li>"));
        var body = alreadyOptedOut
            ? $"""<p class="notice" role="status">{E(Text("page.alreadyUnsubscribed"))}</p><p>{E(Text("page.unsubscribeKeeps"))}</p>"""
            : $"""<p>{E(Text("page.unsubscribeIntro", ("clinic", clinic.Name)))}</p><ul>{stops}</ul><p>{E(Text("page.unsubscribeKeeps"))}</p><form method="post"><button class="button" type="submit">{E(Text("page.unsubscribeButton"))}</button></form>""";
        return Page(Text("page.unsubscribeTitle"), null, $"""<div class="panel">{body}</div>""");
    }

    public string Unsubscribed() => Page(Text("page.unsubscribedTitle"), null,
        $"""<div class="panel"><p role="status">{E(Text("page.unsubscribedText"))}</p></div>""");

    public string UnsubscribeInvalid() => Page(Text("page.unsubscribeInvalidTitle"), null,
        $"""<div class="panel"><p>{E(Text("page.unsubscribeInvalidText"))}</p></div>""");

    private string Page(string title, string? script, string content)
    {
        var html = new StringBuilder(2048)
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(E(Text("locale"))).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append(" | ").Append(E(clinic.Name)).Append("</title>\n")
            .Append("<meta name=\"description\" content=\"").Append(E(title)).Append(" at ").Append(E(clinic.Name)).Append("\">\n")
            .Append("<link rel=\"icon\" href=\"").Append(assets.PathOf("icon.svg")).Append("\" type=\"image/svg+xml\">\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(assets.PathOf("page.css")).Append("\">\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(assets.PathOf("brand.css")).Append("\">\n");
        if (script is not null)
        {
            html.Append("<script type=\"module\" src=\"").Append(assets.PathOf(script)).Append("\"></script>\n");
        }

        return html.Append("</head>\n<body>\n<header class=\"site-header\"><div class=\"inner\"><a class=\"clinic\" href=\"/book\">")
            .Append(Logo()).Append("</a></div></header>\n")
            .Append("<main>\n<h1>").Append(E(title)).Append("</h1>\n").Append(content).Append("\n</main>\n</body>\n</html>\n")
            .ToString();
    }

    /// <summary>The clinic's logo, named by its alt text; without one, its initial and its name.</summary>
    private string Logo() => clinic.Brand.LogoUrl is { } logo
        ? $"""<img class="logo" src="{E(logo.AbsoluteUri)}" alt="{E(clinic.Name)}" height="40">"""
        : $"""<span class="monogram" aria-hidden="true">{E(clinic.Name[..1].ToUpperInvariant())}</span><span>{E(clinic.Name)}</span>""";

    private string Text(string key, params (string Name, string Value)[] values) => assets.Text.Get(key, values);

    private static string E(string value) => Encoder.Encode(value);
}
