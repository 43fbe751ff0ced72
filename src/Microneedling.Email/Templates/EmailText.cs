using System.Globalization;
using System.Net;
using System.Text;

namespace Microneedling.Email.Templates;

/// <summary>Builds an email's plain-text and HTML bodies side by side; every value is HTML-encoded on the HTML side.</summary>
internal sealed class EmailText(ClinicBranding clinic)
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();

    public static string When(SessionFacts s) => string.Create(CultureInfo.InvariantCulture,
        $"{s.LocalStart:dddd d MMMM yyyy}, {s.LocalStart:HH:mm} to {s.LocalEnd:HH:mm} ({s.TimeZoneId} time)");

    public static string Day(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    public EmailText Paragraph(string text)
    {
        _text.Append(text).Append("\n\n");
        _html.Append("<p style=\"margin:0 0 14px\">").Append(WebUtility.HtmlEncode(text)).Append("</p>\n");
        return this;
    }

    public EmailText List(IEnumerable<string> items)
    {
        _html.Append("<ul style=\"margin:0 0 14px;padding-left:20px\">\n");
        foreach (var item in items)
        {
            _text.Append("- ").Append(item).Append('\n');
            _html.Append("<li>").Append(WebUtility.HtmlEncode(item)).Append("</li>\n");
        }

        _text.Append('\n');
        _html.Append("</ul>\n");
        return this;
    }

    public EmailText Facts(SessionFacts s)
    {
        return List(
        [
            $"When: {When(s)}",
            $"Where: {s.LocationName}, {s.LocationAddress}",
            $"With: {s.PractitionerName}",
        ]);
    }

    /// <summary>Each session's facts, under its number in the series when there is a series.</summary>
    public EmailText Sessions(IReadOnlyList<SessionFacts> sessions)
    {
        if (sessions is [{ SeriesLength: 1 } only])
        {
            return Facts(only);
        }

        foreach (var s in sessions)
        {
            Paragraph(string.Create(CultureInfo.InvariantCulture, $"Session {s.Number} of {s.SeriesLength}:")).Facts(s);
        }

        return this;
    }

    public EmailText Link(string label, Uri url)
    {
        _text.Append(label).Append(": ").Append(url.AbsoluteUri).Append("\n\n");
        _html.Append("<p style=\"margin:0 0 14px\"><a href=\"").Append(WebUtility.HtmlEncode(url.AbsoluteUri))
            .Append("\" style=\"background:").Append(WebUtility.HtmlEncode(clinic.AccentColor))
            .Append(";color:#ffffff;padding:10px 16px;border-radius:4px;text-decoration:none;display:inline-block\">")
            .Append(WebUtility.HtmlEncode(label)).Append("</a></p>\n");
        return this;
    }

    public (string Text, string Html) Build(string heading, Uri? unsubscribe)
    {
        var footer = $"{clinic.Name}, {clinic.Address}";
        var text = new StringBuilder().Append(heading).Append("\n\n").Append(_text).Append("-- \n").Append(footer).Append('\n');
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(heading)).Append("</title></head>\n")
            .Append("<body style=\"font-family:Arial,Helvetica,sans-serif;color:#222;line-height:1.5;margin:0;padding:24px\">\n")
            .Append("<div style=\"max-width:560px;margin:0 auto\">\n")
            .Append("<p style=\"font-size:13px;color:").Append(WebUtility.HtmlEncode(clinic.AccentColor)).Append(";margin:0 0 8px\">").Append(WebUtility.HtmlEncode(clinic.Name)).Append("</p>\n")
            .Append("<h1 style=\"font-size:20px;margin:0 0 16px\">").Append(WebUtility.HtmlEncode(heading)).Append("</h1>\n")
            .Append(_html)
            .Append("<hr style=\"border:none;border-top:1px solid #ddd;margin:24px 0 12px\">\n")
            .Append("<p style=\"font-size:12px;color:#666;margin:0\">").Append(WebUtility.HtmlEncode(footer)).Append("</p>\n");
        if (unsubscribe is not null)
        {
            text.Append("Stop these reminders: ").Append(unsubscribe.AbsoluteUri).Append('\n');
            html.Append("<p style=\"font-size:12px;color:#666;margin:8px 0 0\"><a href=\"").Append(WebUtility.HtmlEncode(unsubscribe.AbsoluteUri))
                .Append("\" style=\"color:#666\">Stop these reminders</a></p>\n");
        }

        html.Append("</div>\n</body></html>\n");
        return (text.ToString(), html.ToString());
    }
}
