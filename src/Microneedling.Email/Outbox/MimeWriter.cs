using System.Globalization;
using System.Text;

namespace Microneedling.Email.Outbox;

/// <summary>
/// Writes an <see cref="EmailMessage"/> as an RFC 5322 / MIME message: multipart/mixed holding a
/// multipart/alternative (plain text and HTML) and the attachments. Non-ASCII header text is
/// RFC 2047-encoded, bodies are base64, and no header value can contain a line break.
/// </summary>
public static class MimeWriter
{
    private const string Crlf = "\r\n";

    public static byte[] Write(EmailMessage message, DateTimeOffset date, string messageIdDomain)
    {
        ArgumentNullException.ThrowIfNull(message);
        HeaderSafety.CheckAddress(message.From);
        HeaderSafety.CheckAddress(message.To);
        var mixed = "mixed_" + message.OperationId.ToString("N");
        var alternative = "alt_" + message.OperationId.ToString("N");
        var b = new StringBuilder();
        Header(b, "MIME-Version", "1.0");
        Header(b, "Date", date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + date.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", string.Empty, StringComparison.Ordinal));
        Header(b, "Message-ID", $"<{message.OperationId:N}@{HeaderSafety.SingleLine(messageIdDomain)}>");
        Header(b, "From", Address(message.From));
        Header(b, "To", Address(message.To));
        if (message.ReplyTo is { } replyTo)
        {
            HeaderSafety.CheckAddress(replyTo);
            Header(b, "Reply-To", Address(replyTo));
        }

        Header(b, "Subject", EncodeText(message.Subject));
        foreach (var (name, value) in message.Headers)
        {
            Header(b, HeaderSafety.SingleLine(name), HeaderSafety.SingleLine(value));
        }

        Header(b, "X-Operation-Id", message.OperationId.ToString());
        Header(b, "Content-Type", $"multipart/mixed; boundary=\"{mixed}\"");
        b.Append(Crlf);
        b.Append("--").Append(mixed).Append(Crlf);
        Header(b, "Content-Type", $"multipart/alternative; boundary=\"{alternative}\"");
        b.Append(Crlf);
        Part(b, alternative, "text/plain; charset=utf-8", null, Encoding.UTF8.GetBytes(message.PlainText));
        Part(b, alternative, "text/html; charset=utf-8", null, Encoding.UTF8.GetBytes(message.Html));
        b.Append("--").Append(alternative).Append("--").Append(Crlf);
        foreach (var attachment in message.Attachments)
        {
            var name = Quoted(HeaderSafety.SingleLine(attachment.Name));
            Part(b, mixed, $"{HeaderSafety.SingleLine(attachment.ContentType)}; name={name}", $"attachment; filename={name}", attachment.Content.Span);
        }

        b.Append("--").Append(mixed).Append("--").Append(Crlf);
        return Encoding.ASCII.GetBytes(b.ToString());
    }

    /// <summary>Header text: as is when plain ASCII, else RFC 2047 encoded words that never split a character.</summary>
    public static string EncodeText(string value)
    {
        var text = HeaderSafety.SingleLine(value);
        if (text.All(c => c is >= ' ' and <= '~') && !text.Contains("=?", StringComparison.Ordinal))
        {
            return text;
        }

        var words = new List<string>();
        var chunk = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Encoding.UTF8.GetByteCount(chunk.ToString()) + rune.Utf8SequenceLength > 45)
            {
                words.Add(Word(chunk.ToString()));
                chunk.Clear();
            }

            chunk.Append(rune.ToString());
        }

        words.Add(Word(chunk.ToString()));
        return string.Join(Crlf + " ", words);

        static string Word(string part) => "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(part)) + "?=";
    }

    private static string Address(EmailAddress address)
    {
        if (string.IsNullOrWhiteSpace(address.DisplayName))
        {
            return $"<{address.Address}>";
        }

        // Printable ASCII goes in a quoted string (so ':', '@' or ',' cannot break the address);
        // anything else in RFC 2047 encoded words.
        var name = HeaderSafety.SingleLine(address.DisplayName);
        var ascii = name.All(c => c is >= ' ' and <= '~') && !name.Contains("=?", StringComparison.Ordinal);
        return (ascii ? Quoted(name) : EncodeText(name)) + $" <{address.Address}>";
    }

    private static string Quoted(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static void Header(StringBuilder b, string name, string value) => b.Append(name).Append(": ").Append(value).Append(Crlf);

    private static void Part(StringBuilder b, string boundary, string contentType, string? disposition, ReadOnlySpan<byte> body)
    {
        b.Append("--").Append(boundary).Append(Crlf);
        Header(b, "Content-Type", contentType);
        if (disposition is not null)
        {
            Header(b, "Content-Disposition", disposition);
        }

        Header(b, "Content-Transfer-Encoding", "base64");
        b.Append(Crlf);
        var encoded = Convert.ToBase64String(body);
        for (var i = 0; i < encoded.Length; i += 76)
        {
            b.Append(encoded, i, Math.Min(76, encoded.Length - i)).Append(Crlf);
        }
    }
}
