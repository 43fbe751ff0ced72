namespace Microneedling.Email.Outbox;

public sealed class OutboxOptions
{
    /// <summary>Where .eml files are written; the local run prints it.</summary>
    public string Folder { get; set; } = ".outbox";

    /// <summary>The domain for Message-IDs.</summary>
    public string MessageIdDomain { get; set; } = "localhost";
}

/// <summary>
/// The local sender: each email becomes a standards-conforming .eml file a developer can open in
/// any mail client. A file per operation id, so a retried send rewrites the same file.
/// </summary>
public sealed class OutboxEmailSender(OutboxOptions options, TimeProvider clock) : IEmailSender
{
    public string Folder { get; } = Path.GetFullPath(options?.Folder ?? ".outbox");

    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(Folder);
        var bytes = MimeWriter.Write(message, clock.GetUtcNow(), options!.MessageIdDomain);
        var path = PathFor(message.OperationId);
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
        return new EmailSendResult(message.OperationId, EmailDeliveryState.Succeeded);
    }

    public Task<EmailSendResult?> GetStatusAsync(Guid operationId, CancellationToken cancellationToken) =>
        Task.FromResult(File.Exists(PathFor(operationId)) ? new EmailSendResult(operationId, EmailDeliveryState.Succeeded) : null);

    public string PathFor(Guid operationId) => Path.Combine(Folder, $"{operationId:N}.eml");
}
