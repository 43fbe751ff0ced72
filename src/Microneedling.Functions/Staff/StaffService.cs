using Azure;
using Microneedling.Domain.Clinics;
using Microneedling.Functions.Api;
using Microneedling.Functions.Bookings;
using Microneedling.Storage.Bookings;
using Microneedling.Storage.Entities;
using Microneedling.Storage.Intakes;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Extensions;

namespace Microneedling.Functions.Staff;

public sealed record StaffSessionView(
    string BookingId,
    int SessionNumber,
    string PractitionerId,
    string ServiceId,
    string LocationId,
    [property: System.ComponentModel.DataAnnotations.DataType(System.ComponentModel.DataAnnotations.DataType.DateTime)] string Start,
    [property: System.ComponentModel.DataAnnotations.DataType(System.ComponentModel.DataAnnotations.DataType.DateTime)] string End,
    string Status,
    string PatientName);

/// <summary>What clinic staff do: see a day, record attendance, cancel for the clinic, clear an intake after a consultation.</summary>
public sealed class StaffService(Clinic clinic, BookingRepository bookings, ScheduleRepository schedule, IntakeRepository intakes, BookingService bookingService, TimeProvider clock)
{
    public async Task<Results<Ok<List<StaffSessionView>>, ProblemHttpResult>> DayAsync(string? date, string? practitionerId, CancellationToken ct)
    {
        var v = new Validation();
        var day = v.LocalDate("date", date);
        if (practitionerId is not null && clinic.FindPractitioner(practitionerId) is null)
        {
            v.Add("practitionerId", $"'{practitionerId}' is not known at this clinic.");
        }

        if (!v.IsValid)
        {
            return Problems.Validation(v.Errors);
        }

        var from = day!.Value.AtStartOfDayInZone(clinic.TimeZone).ToDateTimeOffset();
        var to = day.Value.PlusDays(1).AtStartOfDayInZone(clinic.TimeZone).ToDateTimeOffset();
        var sessions = new List<StaffSessionView>();
        foreach (var practitioner in clinic.Practitioners.Where(p => practitionerId is null || p.Id == practitionerId))
        {
            foreach (var row in await schedule.GetSessionsAsync(practitioner.Id, from, to, ct).ConfigureAwait(false))
            {
                var booking = await bookings.GetAsync(row.BookingId, ct).ConfigureAwait(false);
                if (booking?.Session(row.SessionNumber) is { } s && booking.Header.Status == BookingStatus.Confirmed)
                {
                    sessions.Add(new StaffSessionView(row.BookingId, s.Number, s.PractitionerId, booking.Header.ServiceId, booking.Header.LocationId,
                        ClinicTime.Format(clinic, s.Start.ToInstant()), ClinicTime.Format(clinic, s.End.ToInstant()), JsonNames.Kebab(s.Status.ToString()), booking.Header.PatientName));
                }
            }
        }

        return TypedResults.Ok(sessions.OrderBy(s => s.Start, StringComparer.Ordinal).ToList());
    }

    public async Task<Results<Ok<BookingView>, ProblemHttpResult>> AttendanceAsync(string bookingId, int number, AttendanceRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Status is not { } status)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["status"] = ["is required (attended or no-show)."] });
        }

        var (booking, problem) = await bookingService.ExistingAsync(bookingId, ct).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var session = booking!.Session(number);
        if (session is null || session.Status == SessionStatus.Cancelled)
        {
            return Problems.Of(StatusCodes.Status404NotFound, "session-not-found", $"This booking has no active session {number}.");
        }

        if (session.Start > clock.GetUtcNow())
        {
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "session-not-started", "Attendance can be recorded once the session has started.");
        }

        session.Status = status == AttendanceStatus.Attended ? SessionStatus.Attended : SessionStatus.NoShow;
        booking.Header.UpdatedAt = clock.GetUtcNow();
        try
        {
            await bookings.SaveAsync(booking.Header, [session], ct).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (BookingRepository.IsConcurrencyFailure(ex))
        {
            return Problems.ChangedMeanwhile();
        }

        return TypedResults.Ok(BookingViews.Of(clinic, booking));
    }

    public async Task<Results<NoContent, ProblemHttpResult>> ClearIntakeAsync(string intakeId, CancellationToken ct)
    {
        var intake = await intakes.GetAsync(intakeId, ct).ConfigureAwait(false);
        if (intake is null)
        {
            return Problems.Of(StatusCodes.Status404NotFound, "intake-not-found", "No intake has this id.");
        }

        if (intake.Outcome != Domain.Intake.IntakeOutcome.Consult)
        {
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "intake-not-consult", "Only an intake that needed a consultation can be cleared.");
        }

        await intakes.ClearAsync(intake, ct).ConfigureAwait(false);
        return TypedResults.NoContent();
    }
}
