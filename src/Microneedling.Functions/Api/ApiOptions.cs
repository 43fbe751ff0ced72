namespace Microneedling.Functions.Api;

public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Origins of the clinic's websites allowed to call the public API from a browser.</summary>
    public List<string> CorsOrigins { get; set; } = [];

    /// <summary>Creating requests (intakes, bookings, changes) per client address per minute.</summary>
    public int PublicWritesPerMinute { get; set; } = 30;

    /// <summary>The app's public base URL: emails link to its pages (book, manage, unsubscribe) unless the clinic hosts its own.</summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>Prefix for table names, so several environments can share an account.</summary>
    public string TablePrefix { get; set; } = string.Empty;
}
