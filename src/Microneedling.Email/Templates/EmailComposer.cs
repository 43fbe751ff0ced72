namespace Microneedling.Email.Templates;

/// <summary>Turns a rendered template into a message: sender, recipient, attachments and, for optional emails, List-Unsubscribe.</summary>
public static class EmailComposer
{
    public static EmailMessage Compose(EmailModel model, Guid operationId, IReadOnlyList<EmailAttachment>? attachments = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var rendered = EmailTemplates.Render(model);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (EmailTemplates.IsOptional(model.Kind) && model.UnsubscribeUrl is { } unsubscribe)
        {
            headers["List-Unsubscribe"] = $"<{unsubscribe.AbsoluteUri}>";
            headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
        }

        return new EmailMessage(
            operationId,
            model.Clinic.Sender,
            model.Patient with { DisplayName = HeaderSafety.SingleLine(model.PatientName) },
            HeaderSafety.SingleLine(rendered.Subject),
            rendered.PlainText,
            rendered.Html,
            attachments ?? [],
            headers);
    }
}
