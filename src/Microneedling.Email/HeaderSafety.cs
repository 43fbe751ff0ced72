namespace Microneedling.Email;

/// <summary>
/// Values that end up in mail headers (names, subjects, addresses) can never carry a line break:
/// a CR or LF there would let user input add headers of its own.
/// </summary>
public static class HeaderSafety
{
    public static string SingleLine(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny('\r', '\n') < 0 && !value.Any(char.IsControl))
        {
            return value;
        }

        return string.Concat(value.Select(c => c is '\r' or '\n' or '\t' ? ' ' : char.IsControl(c) ? '\uFFFD' : c)).Trim();
    }

    public static void CheckAddress(EmailAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!System.Net.Mail.MailAddress.TryCreate(address.Address, out var parsed) || parsed.Address != address.Address
            || address.Address.AsSpan().IndexOfAny("\r\n<>\",;") >= 0)
        {
            throw new ArgumentException("Not a single plain email address.", nameof(address));
        }
    }
}
