using System.ComponentModel.DataAnnotations;
using Microneedling.Domain.Intake;

namespace Microneedling.Functions.Api;

// Requests: every field nullable so that a missing one is reported as missing rather than
// silently defaulted (a missing "pregnant" must never read as "no"). A parameter with a default
// is optional; one without is required, and the OpenAPI document says so (RequestSchemas).
// Dates are [DataType(Date)] (yyyy-MM-dd) and instants [DataType(DateTime)] (RFC 3339).

public sealed record IntakeRequest(
    bool? ActiveBreakout,
    bool? Rosacea,
    bool? Eczema,
    bool? IrritatedSunburntOrInflamedSkin,
    bool? Pregnant,
    RadiationTreatment? RadiationTreatment,
    bool? ScarsEasily,
    bool? OtherSkinConditionInArea,
    IReadOnlyList<ScarType>? ScarTypes,
    ScarSeverity? Severity,
    [property: Range(1, 6)] int? FitzpatrickType,
    [property: DataType(DataType.Date)] string? PregnancyDueDate = null,
    [property: DataType(DataType.Date)] string? RadiationEndedOn = null,
    [property: DataType(DataType.Date)] string? PreferredFirstSessionDate = null) : IRequestBody;

public sealed record PatientRequest([property: MaxLength(100)] string? Name, [property: MaxLength(254), EmailAddress] string? Email) : IRequestBody;

public sealed record SessionRequest(string? PractitionerId, [property: DataType(DataType.DateTime)] string? Start) : IRequestBody;

public sealed record CreateBookingRequest(
    string? IntakeId,
    string? ServiceId,
    string? LocationId,
    PatientRequest? Patient,
    [property: MinLength(1), MaxLength(12)] IReadOnlyList<SessionRequest>? Sessions,
    IReadOnlyList<string>? AddOnIds = null) : IRequestBody;

public sealed record RescheduleRequest([property: DataType(DataType.DateTime)] string? Start, string? PractitionerId = null) : IRequestBody;

/// <summary>Without session numbers, every active session is cancelled.</summary>
public sealed record CancelRequest(IReadOnlyList<int>? SessionNumbers = null) : IRequestBody;

public enum AttendanceStatus
{
    Attended,
    NoShow,
}

public sealed record AttendanceRequest(AttendanceStatus? Status) : IRequestBody;

// Responses.

public sealed record MoneyView(decimal Amount, string Currency);

public sealed record FindingView(string Code, FindingEffect Effect, string Message, [property: DataType(DataType.Date)] string? AskAgainOn);

public sealed record PlannedSessionView(
    int Number,
    [property: DataType(DataType.Date)] string ExpectedDate,
    [property: DataType(DataType.Date)] string WindowStart,
    [property: DataType(DataType.Date)] string WindowEnd);

public sealed record PlanView(
    string ServiceId,
    ScarSeverity Severity,
    int Sessions,
    int MinSessions,
    int MaxSessions,
    int MinSpacingWeeks,
    int MaxSpacingWeeks,
    IReadOnlyList<PlannedSessionView> Schedule,
    [property: DataType(DataType.Date)] string MaintenanceDate,
    MoneyView PricePerSession,
    MoneyView Subtotal,
    decimal SeriesDiscountPercent,
    MoneyView Total);

public sealed record IntakeView(
    string IntakeId,
    IntakeOutcome Outcome,
    IReadOnlyList<FindingView> Findings,
    [property: DataType(DataType.Date)] string? AskAgainOn,
    PlanView? Plan,
    string IntakeToken);

/// <summary>An intake as kept: the outcome and its finding codes, never the answers themselves.</summary>
public sealed record IntakeRecordView(
    string IntakeId,
    IntakeOutcome Outcome,
    IReadOnlyList<string> FindingCodes,
    [property: DataType(DataType.Date)] string? AskAgainOn,
    bool ClearedByPractitioner,
    [property: DataType(DataType.DateTime)] string CreatedAt);

public sealed record SlotView(
    [property: DataType(DataType.DateTime)] string Start,
    [property: DataType(DataType.DateTime)] string End,
    string PractitionerId,
    string PractitionerName,
    [property: DataType(DataType.DateTime)] string? LocalStartInDisplayZone);

public sealed record AvailabilityView(string TimeZone, string ServiceId, string LocationId, IReadOnlyList<SlotView> Slots);

public sealed record SessionView(
    int Number,
    string PractitionerId,
    [property: DataType(DataType.DateTime)] string Start,
    [property: DataType(DataType.DateTime)] string End,
    string Status,
    int Sequence);

public sealed record BookingView(
    string BookingId,
    string Status,
    string ServiceId,
    string LocationId,
    IReadOnlyList<string> AddOnIds,
    PatientRequest Patient,
    IReadOnlyList<SessionView> Sessions,
    string? ManageToken);

/// <summary>A JSON request body: its required fields are non-null in the OpenAPI document.</summary>
public interface IRequestBody;
