using Microneedling.Domain.Clinics;
using Microneedling.Domain.Intake;
using Microneedling.Domain.Plans;
using Microneedling.Functions.Api;
using Microneedling.Functions.PatientLinks;
using Microneedling.Functions.Telemetry;
using Microneedling.Storage.Entities;
using Microneedling.Storage.Intakes;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Extensions;

namespace Microneedling.Functions.Intakes;

/// <summary>Screens an intake, keeps only the outcome and its codes, and proposes a plan when eligible.</summary>
public sealed partial class IntakeService(Clinic clinic, IntakeRepository intakes, IntakeTokens tokens, ClinicMetrics metrics, TimeProvider clock, ILogger<IntakeService> logger)
{
    public async Task<Results<Created<IntakeView>, ProblemHttpResult>> SubmitAsync(IntakeRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var v = new Validation();
        var today = clock.GetUtcNow().ToInstant().InZone(clinic.TimeZone).Date;
        bool Answer(string field, bool? value)
        {
            if (value is null)
            {
                v.Add(field, "is required (true or false).");
            }

            return value ?? false;
        }

        var answers = new IntakeAnswers(
            Answer("activeBreakout", request.ActiveBreakout),
            Answer("rosacea", request.Rosacea),
            Answer("eczema", request.Eczema),
            Answer("irritatedSunburntOrInflamedSkin", request.IrritatedSunburntOrInflamedSkin),
            Answer("pregnant", request.Pregnant),
            v.LocalDate("pregnancyDueDate", request.PregnancyDueDate, required: false),
            request.RadiationTreatment ?? Required<RadiationTreatment>(v, "radiationTreatment"),
            v.LocalDate("radiationEndedOn", request.RadiationEndedOn, required: false),
            Answer("scarsEasily", request.ScarsEasily),
            Answer("otherSkinConditionInArea", request.OtherSkinConditionInArea),
            request.ScarTypes ?? [],
            request.Severity ?? Required<ScarSeverity>(v, "severity"),
            request.FitzpatrickType is >= 1 and <= 6 ? (FitzpatrickType)request.FitzpatrickType.Value : Invalid(v));
        if (request.ScarTypes is null)
        {
            v.Add("scarTypes", "is required (a list; empty if unsure).");
        }

        var firstDate = v.LocalDate("preferredFirstSessionDate", request.PreferredFirstSessionDate, required: false);
        if (firstDate is { } d && (d < today || d > today.PlusDays(clinic.Booking.HorizonDays)))
        {
            v.Add("preferredFirstSessionDate", $"must be from today to {clinic.Booking.HorizonDays} days ahead.");
        }

        if (answers.Pregnant == false && request.PregnancyDueDate is not null)
        {
            v.Add("pregnancyDueDate", "is only meaningful when pregnant is true.");
        }

        if (!v.IsValid)
        {
            return Problems.Validation(v.Errors);
        }

        var result = IntakeScreening.Screen(answers, today, clinic.Screening);
        var intakeId = ResourceIds.New("in");
        await intakes.AddAsync(new IntakeEntity
        {
            Id = intakeId,
            Outcome = result.Outcome,
            FindingCodes = string.Join(',', result.Findings.Select(f => f.Code)),
            AskAgainOn = result.AskAgainOn?.AtStartOfDayInZone(clinic.TimeZone).ToDateTimeOffset(),
            ScarTypes = string.Join(',', result.ScarTypes),
            Severity = result.Severity,
            Fitzpatrick = result.Fitzpatrick,
            CreatedAt = clock.GetUtcNow(),
        }, ct).ConfigureAwait(false);
        LogScreened(intakeId);
        metrics.IntakeScreened(result.Outcome);

        PlanView? plan = null;
        if (result.Outcome == IntakeOutcome.Eligible && clinic.Services.FirstOrDefault(s => s.Kind == ServiceKind.Microneedling) is { } treatment)
        {
            var first = firstDate ?? today.PlusDays((int)Math.Ceiling(clinic.Booking.MinimumNotice.TotalDays) + 1);
            plan = View(treatment, TreatmentPlanner.Plan(result.Severity, result.ScarTypes, first, treatment, [], clinic.Plan).Plan);
        }

        var view = new IntakeView(intakeId, result.Outcome,
            [.. result.Findings.Select(f => new FindingView(f.Code, f.Effect, f.PatientMessage, f.AskAgainOn is { } a ? ClinicTime.Format(a) : null))],
            result.AskAgainOn is { } ask ? ClinicTime.Format(ask) : null, plan, tokens.Issue(intakeId));
        return TypedResults.Created($"/api/intakes/{intakeId}", view);
    }

    /// <summary>The outcome on record, for the holder of the intake's token; an unknown intake and a wrong token answer alike.</summary>
    public async Task<Results<Ok<IntakeRecordView>, ProblemHttpResult>> ReadAsync(string intakeId, string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token))
        {
            return Problems.Of(StatusCodes.Status401Unauthorized, "intake-token-missing", "Send the intake's token in the X-Intake-Token header.");
        }

        var intake = tokens.Matches(intakeId, token) ? await intakes.GetAsync(intakeId, ct).ConfigureAwait(false) : null;
        if (intake is null)
        {
            return Problems.Of(StatusCodes.Status404NotFound, "intake-not-found", "No intake matches this id and token.");
        }

        return TypedResults.Ok(new IntakeRecordView(
            intakeId,
            intake.Outcome,
            intake.FindingCodes.Length == 0 ? [] : intake.FindingCodes.Split(','),
            intake.AskAgainOn is { } ask ? ClinicTime.Format(ask.ToInstant().InZone(clinic.TimeZone).Date) : null,
            intake.ClearedByPractitioner,
            ClinicTime.Format(clinic, intake.CreatedAt.ToInstant())));
    }

    private static PlanView? View(Service service, TreatmentPlan? plan) => plan is null ? null : new PlanView(
        service.Id, plan.Severity, plan.Sessions, plan.MinSessions, plan.MaxSessions, plan.MinSpacingWeeks, plan.MaxSpacingWeeks,
        [.. plan.Schedule.Select(s => new PlannedSessionView(s.Number, ClinicTime.Format(s.ExpectedDate), ClinicTime.Format(s.WindowStart), ClinicTime.Format(s.WindowEnd)))],
        ClinicTime.Format(plan.MaintenanceDate),
        new MoneyView(plan.Price.PerSession.Amount, plan.Price.PerSession.Currency),
        new MoneyView(plan.Price.Subtotal.Amount, plan.Price.Subtotal.Currency),
        plan.Price.SeriesDiscountPercent,
        new MoneyView(plan.Price.Total.Amount, plan.Price.Total.Currency));

    private static T Required<T>(Validation v, string field)
        where T : struct, Enum
    {
        v.Add(field, $"is required (one of: {string.Join(", ", Enum.GetNames<T>().Select(n => JsonNames.Kebab(n)))}).");
        return default;
    }

    private static FitzpatrickType Invalid(Validation v)
    {
        v.Add("fitzpatrickType", "is required: a whole number from 1 to 6.");
        return FitzpatrickType.I;
    }

    // The outcome stays out of the log: it is derived from health answers.
    [LoggerMessage(LogLevel.Information, "Intake {IntakeId} screened")]
    private partial void LogScreened(string intakeId);
}
