namespace Microneedling.Email;

public sealed record EmailAddress(string Address, string? DisplayName = null);

/// <summary>A file sent with an email, such as a calendar invite (<c>text/calendar; method=REQUEST</c>).</summary>
public sealed record EmailAttachment(string Name, string ContentType, ReadOnlyMemory<byte> Content);

/// <summary>
/// One logical email. <see cref="OperationId"/> identifies it for its whole life: every retry of
/// the send carries the same id, so the service can tell a retry from a new email.
/// </summary>
public sealed record EmailMessage(
    Guid OperationId,
    EmailAddress From,
    EmailAddress To,
    string Subject,
    string PlainText,
    string Html,
    IReadOnlyList<EmailAttachment> Attachments,
    IReadOnlyDictionary<string, string> Headers,
    EmailAddress? ReplyTo = null);

public enum EmailDeliveryState
{
    NotStarted,
    Running,
    Succeeded,
    Failed,
    Canceled,
}

public sealed record EmailSendResult(Guid OperationId, EmailDeliveryState State, string? Error = null);

/// <summary>Sends email. Implementations: Azure Communication Services, and a local .eml outbox.</summary>
public interface IEmailSender
{
    Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken);

    /// <summary>The operation's state, or null if the service has no such operation (it never accepted that email).</summary>
    Task<EmailSendResult?> GetStatusAsync(Guid operationId, CancellationToken cancellationToken);
}
