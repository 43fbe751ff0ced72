namespace Microneedling.Storage.Hosting;

/// <summary>
/// Where the data lives. Locally a connection string (Azurite); in Azure a table endpoint reached
/// with the app's managed identity, so no key sits in app settings.
/// </summary>
public sealed class TableStorageOptions
{
    public const string Section = "Storage";

    public string? ConnectionString { get; set; }

    public Uri? TableEndpoint { get; set; }

    /// <summary>The client id of a user-assigned managed identity; empty for the default credential chain.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>How long the health check waits for Table Storage.</summary>
    public TimeSpan HealthTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
