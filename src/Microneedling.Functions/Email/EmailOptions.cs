using Microneedling.Email.Acs;

namespace Microneedling.Functions.Email;

public enum EmailSenderKind
{
    /// <summary>Write .eml files to a local folder (local runs).</summary>
    Outbox,

    /// <summary>Send through Azure Communication Services.</summary>
    Acs,
}

public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailSenderKind Sender { get; set; } = EmailSenderKind.Acs;

    public string OutboxFolder { get; set; } = ".outbox";

    /// <summary><c>endpoint=...;accesskey=...</c> (local or key-based).</summary>
    public string? AcsConnectionString { get; set; }

    /// <summary>The ACS endpoint, reached with the managed identity (Azure; no key in settings).</summary>
    public Uri? AcsEndpoint { get; set; }

    public string? ManagedIdentityClientId { get; set; }

    public AcsPacingOptions Pacing { get; set; } = new();

    /// <summary>Retries of one send inside the Azure.Core pipeline (429 and 5xx, honouring Retry-After) before the sweep retries later.</summary>
    public int MaxRetries { get; set; } = 3;
}
