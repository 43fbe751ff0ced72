namespace Microneedling.Email.Templates;

public enum EmailKind
{
    BookingConfirmation,
    Rescheduled,
    Cancelled,
    ConsultNeeded,
    PreCare,
    AftercareDay0,
    AftercareDay1,
    AftercareDay3,
    HealingCheckDay7,
    RebookingOpen,
    RebookingClosing,
    Maintenance,
}

/// <summary>The clinic as emails show it; from configuration.</summary>
public sealed record ClinicBranding(string Name, EmailAddress Sender, string Address, Uri PublicBaseUrl, string AccentColor = "#2f6f6a");

/// <summary>
/// A session as emails show it. Times are the clinic's wall-clock times (with their offset) and the
/// zone's IANA id, formatted by the template.
/// </summary>
public sealed record SessionFacts(DateTimeOffset LocalStart, DateTimeOffset LocalEnd, string TimeZoneId, string LocationName, string LocationAddress, string PractitionerName, int Number, int SeriesLength);

/// <summary>
/// Everything a template may show. <see cref="Sessions"/> are the sessions a confirmation or a
/// cancellation is about (a series is confirmed, or cancelled, in one email); without it, the one
/// <see cref="Session"/>. Nothing from the intake answers is here on purpose: emails get
/// forwarded and read on shared screens.
/// </summary>
public sealed record EmailModel(
    EmailKind Kind,
    string PatientName,
    EmailAddress Patient,
    ClinicBranding Clinic,
    SessionFacts? Session = null,
    Uri? ManageUrl = null,
    Uri? BookingUrl = null,
    Uri? UnsubscribeUrl = null,
    DateOnly? WindowStart = null,
    DateOnly? WindowEnd = null,
    IReadOnlyList<string>? Reasons = null,
    IReadOnlyList<SessionFacts>? Sessions = null);

public sealed record RenderedEmail(string Subject, string PlainText, string Html);
