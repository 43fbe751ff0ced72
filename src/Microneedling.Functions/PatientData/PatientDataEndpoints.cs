using System.ComponentModel.DataAnnotations;
using Microneedling.Domain.Clinics;
using Microneedling.Functions.Api;
using Microneedling.Storage.Audit;
using Microneedling.Storage.PatientData;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime.Extensions;

namespace Microneedling.Functions.PatientData;

/// <summary>
/// A patient's data for the clinic's staff: export it, erase it, and read the audit trail of staff
/// actions. The address travels in a POST body (never in a URL, which request logs keep), so
/// export is a POST although it changes nothing. An address nobody booked with is a clean answer:
/// 200 with nothing found, nothing changed.
/// </summary>
public static class PatientDataEndpoints
{
    public const int MaxAuditDays = 366;

    public static IEndpointRouteBuilder MapPatientDataEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapStaffGroup();
        staff.MapPost("/patients/export", Export)
            .WithName("StaffExportPatient")
            .WithSummary("Everything held about one patient (found by email address) as one JSON document: every stored row, and what erasure would do to it.")
            .AcceptsJsonBody<PatientLookupRequest>()
            .Audited("export");
        staff.MapPost("/patients/erase", Erase)
            .WithName("StaffErasePatient")
            .WithSummary("Erases one patient (found by email address): future sessions cancelled without an email, then intakes, replay responses, email logs, pending reminders, keys and opt-out deleted and bookings anonymised. Answers with what was removed; erasing again finds nothing.")
            .AcceptsJsonBody<PatientLookupRequest>()
            .Audited("erase");
        staff.MapGet("/audit", Audit)
            .WithName("StaffAuditTrail")
            .WithSummary("Staff actions (erase, export, cancel, attendance, clearing an intake) between two clinic dates, inclusive, oldest first.")
            .ProducesValidationProblem();
        return app;
    }

    internal static async Task<Results<Ok<PatientExportView>, ProblemHttpResult>> Export(HttpRequest http, PatientDataStore store, Clinic clinic, TimeProvider clock, CancellationToken ct)
    {
        var (email, problem) = await ReadAddressAsync(http, ct).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var export = await store.ExportAsync(email!, ct).ConfigureAwait(false);
        http.HttpContext.SetAuditRecord(string.Join(',', export.BookingIds));
        return TypedResults.Ok(new PatientExportView(
            ClinicTime.Format(clinic, clock.GetUtcNow().ToInstant()),
            export.BookingIds,
            [.. export.Items.Select(i => new PatientDataItemView(i.Table, i.Record, i.OnErase, i.Data))]));
    }

    internal static async Task<Results<Ok<ErasureReceiptView>, ProblemHttpResult>> Erase(HttpRequest http, PatientDataStore store, Clinic clinic, TimeProvider clock, CancellationToken ct)
    {
        var (email, problem) = await ReadAddressAsync(http, ct).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var now = clock.GetUtcNow();
        var receipt = await store.EraseAsync(email!, now, ct).ConfigureAwait(false);
        http.HttpContext.SetAuditRecord(string.Join(',', receipt.BookingIds));
        return TypedResults.Ok(new ErasureReceiptView(
            ClinicTime.Format(clinic, now.ToInstant()),
            receipt.BookingIds,
            receipt.CancelledSessions,
            [.. receipt.Items.Select(i => new ErasedItemView(i.Table, i.Record, i.Action))]));
    }

    internal static async Task<Results<Ok<List<AuditEntryView>>, ProblemHttpResult>> Audit(
        [Required, DataType(DataType.Date)] string? from, [Required, DataType(DataType.Date)] string? to, AuditRepository audit, Clinic clinic, CancellationToken ct)
    {
        var v = new Validation();
        var first = v.LocalDate("from", from);
        var last = v.LocalDate("to", to);
        if (first is { } f && last is { } l && (l < f || NodaTime.Period.Between(f, l, NodaTime.PeriodUnits.Days).Days >= MaxAuditDays))
        {
            v.Add("to", $"must be on or after from, and at most {MaxAuditDays} days after it.");
        }

        if (!v.IsValid)
        {
            return Problems.Validation(v.Errors);
        }

        var entries = await audit.ReadAsync(
            first!.Value.AtStartOfDayInZone(clinic.TimeZone).ToDateTimeOffset(),
            last!.Value.PlusDays(1).AtStartOfDayInZone(clinic.TimeZone).ToDateTimeOffset(), ct).ConfigureAwait(false);
        return TypedResults.Ok(entries.Select(e => new AuditEntryView(ClinicTime.Format(clinic, e.At.ToInstant()), e.Action, e.Record, e.Caller, e.Status)).ToList());
    }

    private static async Task<(string? Email, ProblemHttpResult? Problem)> ReadAddressAsync(HttpRequest http, CancellationToken ct)
    {
        var (body, _, problem) = await JsonBody.ReadAsync<PatientLookupRequest>(http, ct).ConfigureAwait(false);
        if (problem is not null)
        {
            return (null, problem);
        }

        var v = new Validation();
        var email = v.Email("email", body!.Email);
        return v.IsValid ? (email, null) : (null, Problems.Validation(v.Errors));
    }
}
