using Microneedling.Testing;
using Microneedling.Domain.Clinics;
using NodaTime;

namespace Microneedling.Domain.Tests;

public class ClinicFactoryTests
{
    [Fact]
    public void Valid_settings_build_a_clinic_with_typed_values()
    {
        var clinic = TestClinic.Create();

        Assert.Equal("Europe/London", clinic.TimeZone.Id);
        Assert.Equal(Duration.FromMinutes(60), clinic.FindService("microneedling")!.Duration);
        Assert.Equal(new LocalTime(9, 0), clinic.FindPractitioner("amira")!.WeeklyHours[0].Start);
        Assert.True(clinic.FindPractitioner("amira")!.IsOff(new LocalDate(2026, 12, 27)));
        Assert.Equal(4, clinic.Plan.MinSpacingWeeks);
        Assert.Equal(6, clinic.Plan.MaxSpacingWeeks);
        Assert.Equal(12, clinic.Plan.MaintenanceIntervalMonths);
    }

    [Fact]
    public void Branding_defaults_to_the_calm_teal_and_no_logo_and_links_to_this_apps_pages()
    {
        var settings = TestClinic.Settings();
        settings.PublicBaseUrl = null;

        var clinic = ClinicFactory.Create(settings).Clinic!;

        Assert.Equal(ClinicBrand.Default, clinic.Brand);
        Assert.Null(clinic.PublicBaseUrl);
    }

    [Theory]
    [InlineData("#2f6f6a", 5.8)]
    [InlineData("#767676", 4.5)]
    [InlineData("#ffffff", 1.0)]
    [InlineData("#000000", 21.0)]
    public void Contrast_with_white_follows_wcag(string colour, double expected) =>
        Assert.Equal(expected, ClinicBrand.ContrastWithWhite(colour), 1);

    public static TheoryData<string, Action<ClinicSettings>, string> Broken => new()
    {
        { "unknown zone", s => s.TimeZone = "Europe/Londn", "Clinic:TimeZone 'Europe/Londn' is not an IANA time zone id" },
        { "windows zone id", s => s.TimeZone = "GMT Standard Time", "Clinic:TimeZone" },
        { "missing name", s => s.Name = " ", "Clinic:Name is required" },
        { "bad sender", s => s.SenderEmail = "clinic at example", "Clinic:SenderEmail 'clinic at example' is not an email address" },
        { "bad currency", s => s.Currency = "pounds", "Clinic:Currency" },
        { "relative base url", s => s.PublicBaseUrl = "/book", "Clinic:PublicBaseUrl" },
        { "relative logo", s => s.LogoUrl = "logo.png", "Clinic:LogoUrl must be an absolute http(s) URL" },
        { "colour name", s => s.PrimaryColor = "teal", "Clinic:PrimaryColor 'teal' is not a colour as #rrggbb" },
        { "pale colour", s => s.PrimaryColor = "#f4c430", "Clinic:PrimaryColor #f4c430 gives white button text a contrast of 1." },
        { "end before start", s => s.Practitioners[0].WeeklyHours[0].End = "08:00", "Clinic:Practitioners[0]:WeeklyHours[0]:End 08:00 is not after Start 09:00" },
        { "bad time", s => s.Practitioners[0].WeeklyHours[0].Start = "9am", "Clinic:Practitioners[0]:WeeklyHours[0]:Start '9am' is not a time of day as HH:mm" },
        { "unknown location", s => s.Practitioners[1].WeeklyHours[0].LocationId = "south", "Clinic:Practitioners[1]:WeeklyHours[0]:LocationId 'south'" },
        { "overlapping hours", s => s.Practitioners[0].WeeklyHours[2].Start = "11:00", "Clinic:Practitioners[0]:WeeklyHours Tuesday 09:00-12:00 overlaps 11:00-17:00" },
        { "unknown service", s => s.Practitioners[1].ServiceIds = ["laser"], "Clinic:Practitioners[1]:ServiceIds names service 'laser'" },
        { "unknown add-on", s => s.Services[1].AddOnIds = ["gold"], "Clinic:Services[1]:AddOnIds names add-on 'gold'" },
        { "duplicate id", s => s.Locations[1].Id = "city", "Clinic:Locations id 'city' is used more than once" },
        { "bad days off", s => s.Practitioners[0].DaysOff = ["2026-12-31/2026-12-24"], "Clinic:Practitioners[0]:DaysOff[0] '2026-12-31/2026-12-24' ends before it starts" },
        { "spacing reversed", s => s.Plan.MaxSpacingWeeks = 3, "Clinic:Plan:MaxSpacingWeeks 3 is less than MinSpacingWeeks 4" },
        { "preferred outside", s => s.Plan.PreferredSpacingWeeks = 8, "Clinic:Plan:PreferredSpacingWeeks 8 is outside the spacing window 4-6" },
        { "session counts", s => s.Plan.Mild = new() { Min = 4, Recommended = 3, Max = 5 }, "Clinic:Plan:Mild needs 1 <= Min <= Recommended <= Max" },
        { "negative price", s => s.Services[1].Price = -1, "Clinic:Services[1]:Price cannot be negative" },
        { "reminder in quiet hours", s => s.Reminders.AftercareDay0.LocalTime = "22:30", "Clinic:Reminders:AftercareDay0.LocalTime 22:30 falls in quiet hours" },
        { "no treatment service", s => s.Services.RemoveAt(1), "Clinic:Services needs at least one Microneedling service" },
        { "slot step", s => s.Booking.SlotStepMinutes = 0, "Clinic:Booking:SlotStepMinutes 0 is outside 5-240" },
        { "unaligned step", s => s.Booking.SlotStepMinutes = 12, "Clinic:Booking:SlotStepMinutes 12 is not a multiple of 5 minutes" },
        { "unaligned duration", s => s.Services[1].DurationMinutes = 62, "Clinic:Services[1]:DurationMinutes 62 is not a multiple of 5 minutes" },
        { "unaligned shift", s => s.Practitioners[0].WeeklyHours[0].Start = "09:07", "Clinic:Practitioners[0]:WeeklyHours[0]:Start 09:07 must fall on a 5-minute boundary" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_problem_is_reported_naming_its_setting(string why, Action<ClinicSettings> breakIt, string expected)
    {
        var settings = TestClinic.Settings();
        breakIt(settings);

        var result = ClinicFactory.Create(settings);

        Assert.Null(result.Clinic);
        Assert.True(result.Errors.Any(e => e.Contains(expected, StringComparison.Ordinal)), $"{why}: {string.Join(" | ", result.Errors)}");
    }

    [Fact]
    public void All_problems_are_reported_at_once()
    {
        var settings = TestClinic.Settings();
        settings.TimeZone = "Nowhere/City";
        settings.SenderEmail = null;
        settings.Plan.MaxSpacingWeeks = 1;

        var errors = ClinicFactory.Create(settings).Errors;

        Assert.Contains(errors, e => e.StartsWith("Clinic:TimeZone", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Clinic:SenderEmail", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Clinic:Plan:MaxSpacingWeeks", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("21:00", "08:00", "22:30", true)]
    [InlineData("21:00", "08:00", "07:59", true)]
    [InlineData("21:00", "08:00", "08:00", false)]
    [InlineData("21:00", "08:00", "20:59", false)]
    [InlineData("13:00", "14:00", "13:30", true)]
    [InlineData("13:00", "13:00", "13:00", false)]
    public void Quiet_hours_may_wrap_past_midnight(string start, string end, string time, bool quiet)
    {
        static LocalTime T(string s) => NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(s).Value;

        Assert.Equal(quiet, QuietHours.Contains(T(start), T(end), T(time)));
    }
}
