using FsCheck;
using FsCheck.Fluent;
using Microneedling.Domain.Availability;
using Microneedling.Domain.Clinics;
using NodaTime;

namespace Microneedling.Domain.Tests;

/// <summary>Invariants of every offered slot, over random bookings, clocks and ranges (including daylight-saving changes).</summary>
public class AvailabilityProperties
{
    private static readonly Clinic Clinic = AvailabilityTests.NightShiftClinic();
    private static readonly Service Treatment = Clinic.FindService("microneedling")!;
    private static readonly Instant Origin = Instant.FromUtc(2027, 3, 15, 0, 0);
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);

    public sealed record Scenario(Instant Now, LocalDate From, int Days, IReadOnlyList<BusyInterval> Busy);

    private static readonly Arbitrary<Scenario> Scenarios =
        (from nowMinutes in Gen.Choose(0, 20 * 24 * 60)
         from fromDay in Gen.Choose(0, 20)
         from days in Gen.Choose(1, 21)
         from bookings in Gen.ListOf(
             from startQuarter in Gen.Choose(0, 40 * 24 * 4)
             from lengthMinutes in Gen.Choose(5, 180)
             from who in Gen.Elements("amira", "ben")
             select new BusyInterval(who, Origin + Duration.FromMinutes(startQuarter * 15L), Origin + Duration.FromMinutes(startQuarter * 15L + lengthMinutes)))
         select new Scenario(Origin + Duration.FromMinutes(nowMinutes), Origin.InUtc().Date.PlusDays(fromDay), days, bookings.ToList()))
        .ToArbitrary();

    private static IReadOnlyList<Slot> SlotsFor(Scenario s) =>
        AvailabilityCalculator.Find(Clinic, new AvailabilityQuery("microneedling", "city", null, s.From, s.From.PlusDays(s.Days - 1)), s.Now, s.Busy).Slots;

    [Fact]
    public void No_offered_slot_overlaps_a_booking_or_a_buffer() =>
        Check.One(Runs, Prop.ForAll(Scenarios, s => SlotsFor(s).All(slot => !s.Busy.Any(b =>
            b.PractitionerId == slot.PractitionerId && b.Start < slot.Start + Treatment.Duration + Treatment.Buffer && slot.Start < b.End))));

    [Fact]
    public void Every_offered_slot_is_inside_working_hours() =>
        Check.One(Runs, Prop.ForAll(Scenarios, s => SlotsFor(s).All(slot =>
        {
            var start = slot.Start.InZone(Clinic.TimeZone);
            var end = slot.End.InZone(Clinic.TimeZone);
            return Clinic.FindPractitioner(slot.PractitionerId)!.WeeklyHours.Any(h =>
                h.LocationId == "city" && h.Day == start.DayOfWeek && start.TimeOfDay >= h.Start
                && end.LocalDateTime <= start.Date + h.End);
        })));

    [Fact]
    public void No_offered_slot_is_inside_the_minimum_notice() =>
        Check.One(Runs, Prop.ForAll(Scenarios, s => SlotsFor(s).All(slot => slot.Start >= s.Now + Clinic.Booking.MinimumNotice)));

    [Fact]
    public void Each_practitioner_is_offered_each_local_time_at_most_once() =>
        Check.One(Runs, Prop.ForAll(Scenarios, s =>
        {
            var slots = SlotsFor(s);
            return slots.Select(x => (x.PractitionerId, x.LocalStart)).Distinct().Count() == slots.Count;
        }));
}
