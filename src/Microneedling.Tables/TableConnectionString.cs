namespace Microneedling.Tables;

/// <summary>
/// A storage connection string (<c>key=value;</c> pairs) reduced to what the Table client needs:
/// the table endpoint and an account key or SAS token.
/// </summary>
public sealed record TableConnectionString(Uri TableEndpoint, TableSharedKeyCredential? Credential, string? SharedAccessSignature)
{
    public const string DevelopmentAccountName = "devstoreaccount1";
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    public static readonly Uri DevelopmentTableEndpoint = new("http://127.0.0.1:10002/devstoreaccount1");

    public static TableConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException("A connection string segment is not key=value.");
            }

            settings[part[..eq].Trim()] = part[(eq + 1)..].Trim();
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var useDev) && useDev)
        {
            var proxy = settings.TryGetValue("DevelopmentStorageProxyUri", out var p) ? new Uri(p) : null;
            var endpoint = proxy is null ? DevelopmentTableEndpoint : new Uri($"{proxy.Scheme}://{proxy.Host}:10002/{DevelopmentAccountName}");
            return new(endpoint, new TableSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey), null);
        }

        settings.TryGetValue("AccountName", out var account);
        var tableEndpoint = settings.TryGetValue("TableEndpoint", out var explicitEndpoint) ? new Uri(explicitEndpoint)
            : account is not null ? new Uri($"{Get(settings, "DefaultEndpointsProtocol", "https")}://{account}.table.{Get(settings, "EndpointSuffix", "core.windows.net")}")
            : throw new FormatException("The connection string names neither TableEndpoint nor AccountName.");

        TableSharedKeyCredential? credential = null;
        if (settings.TryGetValue("AccountKey", out var key))
        {
            credential = new TableSharedKeyCredential(account ?? throw new FormatException("AccountKey needs AccountName."), key);
        }

        settings.TryGetValue("SharedAccessSignature", out var sas);
        if (credential is null && string.IsNullOrEmpty(sas))
        {
            throw new FormatException("The connection string has neither AccountKey nor SharedAccessSignature.");
        }

        return new(tableEndpoint, credential, sas?.TrimStart('?'));
    }

    private static string Get(Dictionary<string, string> settings, string key, string fallback) =>
        settings.TryGetValue(key, out var value) ? value : fallback;
}
