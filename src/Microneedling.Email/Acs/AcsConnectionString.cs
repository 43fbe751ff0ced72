namespace Microneedling.Email.Acs;

/// <summary><c>endpoint=https://&lt;resource&gt;.communication.azure.com/;accesskey=&lt;base64&gt;</c></summary>
public sealed record AcsConnectionString(Uri Endpoint, byte[] AccessKey)
{
    public static AcsConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Uri? endpoint = null;
        byte[]? key = null;
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException("An ACS connection string segment is not key=value.");
            }

            var (name, value) = (part[..eq].Trim(), part[(eq + 1)..].Trim());
            if (name.Equals("endpoint", StringComparison.OrdinalIgnoreCase))
            {
                endpoint = Uri.TryCreate(value, UriKind.Absolute, out var u) ? u : throw new FormatException("The ACS endpoint is not an absolute URL.");
            }
            else if (name.Equals("accesskey", StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    key = Convert.FromBase64String(value);
                }
                catch (FormatException ex)
                {
                    throw new FormatException("The ACS access key is not base64.", ex);
                }
            }
        }

        return new AcsConnectionString(
            endpoint ?? throw new FormatException("The ACS connection string has no endpoint."),
            key ?? throw new FormatException("The ACS connection string has no accesskey."));
    }
}
