using Microneedling.Domain.Intake;

namespace Microneedling.Functions.Api;

// Requests: every field nullable so that a missing one is reported as missing rather than
// silently defaulted (a missing "pregnant" must never read as "no").

public sealed record IntakeRequest(
    bool? ActiveBreakout,
    bool? Rosacea,
    bool? Eczema,
    bool? IrritatedSunburntOrInflamedSkin,
    bool? Pregnant,
    string? PregnancyDueDate,
    RadiationTreatment? RadiationTreatment,
    string? RadiationEndedOn,
    bool? ScarsEasily,
    bool? OtherSkinConditionInArea,
    IReadOnlyList<ScarType>? ScarTypes,
    ScarSeverity? Severity,
    int? FitzpatrickType,
    string? PreferredFirstSessionDate);

public sealed record PatientRequest(string? Name, string? Email);

public sealed record SessionRequest(string? PractitionerId, string? Start);

public sealed record CreateBookingRequest(
    string? IntakeId,
    string? ServiceId,
    string? LocationId,
    IReadOnlyList<string>? AddOnIds,
    PatientRequest? Patient,
    IReadOnlyList<SessionRequest>? Sessions);

public sealed record RescheduleRequest(string? Start, string? PractitionerId);

public sealed record CancelRequest(IReadOnlyList<int>? SessionNumbers);

public enum AttendanceStatus
{
    Attended,
    NoShow,
}

public sealed record AttendanceRequest(AttendanceStatus? Status);

// Responses.

public sealed record MoneyView(decimal Amount, string Currency);

public sealed record FindingView(string Code, FindingEffect Effect, string Message, string? AskAgainOn);

public sealed record PlannedSessionView(int Number, string ExpectedDate, string WindowStart, string WindowEnd);

public sealed record PlanView(
    string ServiceId,
    ScarSeverity Severity,
    int Sessions,
    int MinSessions,
    int MaxSessions,
    int MinSpacingWeeks,
    int MaxSpacingWeeks,
    IReadOnlyList<PlannedSessionView> Schedule,
    string MaintenanceDate,
    MoneyView PricePerSession,
    MoneyView Subtotal,
    decimal SeriesDiscountPercent,
    MoneyView Total);

public sealed record IntakeView(
    string IntakeId,
    IntakeOutcome Outcome,
    IReadOnlyList<FindingView> Findings,
    string? AskAgainOn,
    PlanView? Plan);

public sealed record SlotView(string Start, string End, string PractitionerId, string PractitionerName, string? LocalStartInDisplayZone);

public sealed record AvailabilityView(string TimeZone, string ServiceId, string LocationId, IReadOnlyList<SlotView> Slots);

public sealed record SessionView(int Number, string PractitionerId, string Start, string End, string Status, int Sequence);

public sealed record BookingView(
    string BookingId,
    string Status,
    string ServiceId,
    string LocationId,
    IReadOnlyList<string> AddOnIds,
    PatientRequest Patient,
    IReadOnlyList<SessionView> Sessions,
    string? ManageToken);
