using Microneedling.Testing;
using Microneedling.Domain.Availability;
using Microneedling.Domain.Clinics;
using NodaTime;
using NodaTime.Text;

namespace Microneedling.Domain.Tests;

public class AvailabilityTests
{
    private static readonly Clinic Clinic = TestClinic.Create();
    private static readonly LocalDate Monday = new(2026, 11, 30);
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 21, 12, 0);

    private static AvailabilityResult Find(string? practitioner = "amira", string location = "city", LocalDate? from = null, LocalDate? to = null,
        Instant? now = null, IReadOnlyList<BusyInterval>? busy = null, string service = "microneedling", Clinic? clinic = null) =>
        AvailabilityCalculator.Find(clinic ?? Clinic, new AvailabilityQuery(service, location, practitioner, from ?? Monday, to ?? from ?? Monday), now ?? Now, busy ?? []);

    private static string[] Times(AvailabilityResult result) =>
        [.. result.Slots.Select(s => LocalTimePattern.CreateWithInvariantCulture("HH:mm").Format(s.LocalStart.TimeOfDay))];

    [Fact]
    public void A_free_day_offers_every_step_that_fits_the_working_hours()
    {
        var result = Find();

        Assert.True(result.Rules.IsAllowed);
        Assert.Equal(29, result.Slots.Count);
        Assert.Equal(("09:00", "16:00"), (Times(result)[0], Times(result)[^1]));
        Assert.Equal(Instant.FromUtc(2026, 11, 30, 9, 0), result.Slots[0].Start);
        Assert.Equal(Instant.FromUtc(2026, 11, 30, 10, 0), result.Slots[0].End);
    }

    [Fact]
    public void A_booking_and_both_buffers_block_the_times_around_it()
    {
        var booked = new BusyInterval("amira", Instant.FromUtc(2026, 11, 30, 11, 0), Instant.FromUtc(2026, 11, 30, 12, 15));

        var times = Times(Find(busy: [booked]));

        Assert.Contains("09:45", times);
        Assert.DoesNotContain("10:00", times);
        Assert.DoesNotContain("12:00", times);
        Assert.Contains("12:15", times);
    }

    [Fact]
    public void Another_practitioners_booking_does_not_block()
    {
        var booked = new BusyInterval("ben", Instant.FromUtc(2026, 11, 30, 11, 0), Instant.FromUtc(2026, 11, 30, 12, 15));

        Assert.Equal(29, Find(busy: [booked]).Slots.Count);
    }

    [Fact]
    public void Nothing_is_offered_inside_the_minimum_notice()
    {
        var times = Times(Find(now: Instant.FromUtc(2026, 11, 29, 10, 20)));

        Assert.Equal("10:30", times[0]);
    }

    [Fact]
    public void Nothing_is_offered_beyond_the_horizon()
    {
        var horizonEnd = Now.InUtc().Date.PlusDays(180);

        var result = Find(from: horizonEnd.PlusDays(-20), to: horizonEnd.PlusDays(30));

        Assert.NotEmpty(result.Slots);
        Assert.All(result.Slots, s => Assert.True(s.LocalStart.Date <= horizonEnd));
    }

    [Fact]
    public void Days_off_offer_nothing()
    {
        Assert.Empty(Find(from: new LocalDate(2026, 12, 28)).Slots);
    }

    [Fact]
    public void Only_the_hours_at_the_asked_location_count()
    {
        var tuesday = Monday.PlusDays(1);

        var north = Times(Find(location: "north", from: tuesday));
        var city = Times(Find(location: "city", from: tuesday));

        Assert.Equal(("13:00", "16:00"), (north[0], north[^1]));
        Assert.Equal(("09:00", "11:00"), (city[0], city[^1]));
    }

    [Fact]
    public void Without_a_practitioner_every_one_offering_the_service_is_included_in_time_order()
    {
        var result = Find(practitioner: null);

        Assert.Equal(29 + 13, result.Slots.Count);
        Assert.Equal(result.Slots.OrderBy(s => s.Start).Select(s => s.Start), result.Slots.Select(s => s.Start));
        Assert.DoesNotContain(Find(practitioner: null, service: "consultation").Slots, s => s.PractitionerId == "ben");
    }

    [Theory]
    [InlineData("laser", "city", "amira", "unknown-service")]
    [InlineData("microneedling", "south", "amira", "unknown-location")]
    [InlineData("microneedling", "city", "zoe", "unknown-practitioner")]
    public void Unknown_names_are_reported(string service, string location, string practitioner, string code)
    {
        var result = Find(practitioner, location, service: service);

        Assert.Equal(code, Assert.Single(result.Rules.Violations).Code);
    }

    [Fact]
    public void Ranges_must_be_forward_and_bounded()
    {
        Assert.Equal("range-reversed", Find(from: Monday, to: Monday.PlusDays(-1)).Rules.Violations[0].Code);
        Assert.Equal("range-too-long", Find(from: Monday, to: Monday.PlusDays(AvailabilityCalculator.MaxRangeDays)).Rules.Violations[0].Code);
        Assert.True(Find(from: Monday, to: Monday.PlusDays(AvailabilityCalculator.MaxRangeDays - 1)).Rules.IsAllowed);
    }

    [Fact]
    public void A_time_skipped_by_the_spring_gap_is_never_offered()
    {
        var clinic = NightShiftClinic();
        var gapDay = new LocalDate(2027, 3, 28);

        var result = Find(service: "consultation", from: gapDay, clinic: clinic, now: Instant.FromUtc(2027, 3, 1, 0, 0));

        Assert.Equal(["00:00", "00:15", "00:30", "00:45", "02:00", "02:15", "02:30", "02:45", "03:00", "03:15", "03:30"], Times(result));
        Assert.Equal(Instant.FromUtc(2027, 3, 28, 1, 0), result.Slots[4].Start);
        Assert.Equal(Offset.FromHours(1), result.Slots[4].Offset);
        Assert.All(result.Slots, s => Assert.Equal(s.LocalStart, s.Start.InZone(clinic.TimeZone).LocalDateTime));
    }

    [Fact]
    public void A_time_repeated_by_the_autumn_overlap_is_offered_once_at_its_first_occurrence()
    {
        var clinic = NightShiftClinic();
        var overlapDay = new LocalDate(2026, 10, 25);

        var result = Find(service: "consultation", from: overlapDay, clinic: clinic, now: Instant.FromUtc(2026, 10, 1, 0, 0));

        var times = Times(result);
        Assert.Equal(15, times.Length);
        Assert.Equal(times.Distinct(), times);
        var quarterPastOne = result.Slots.Single(s => s.LocalStart.TimeOfDay == new LocalTime(1, 15));
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 0, 15), quarterPastOne.Start);
        Assert.Equal(Offset.FromHours(1), quarterPastOne.Offset);
    }

    [Fact]
    public void Summer_times_are_an_hour_earlier_in_utc()
    {
        var result = Find(from: new LocalDate(2027, 5, 10), now: Instant.FromUtc(2027, 4, 1, 0, 0));

        Assert.Equal(Instant.FromUtc(2027, 5, 10, 8, 0), result.Slots[0].Start);
        Assert.Equal(new LocalTime(9, 0), result.Slots[0].LocalStart.TimeOfDay);
    }

    /// <summary>A clinic whose Sunday shift spans the early hours, where European clocks change.</summary>
    internal static Clinic NightShiftClinic()
    {
        var settings = TestClinic.Settings();
        settings.Booking.HorizonDays = 400;
        settings.Practitioners[0].WeeklyHours.Add(new WorkingHoursSettings { Day = DayOfWeek.Sunday, Start = "00:00", End = "04:00", LocationId = "city" });
        return TestClinic.Build(settings);
    }
}
