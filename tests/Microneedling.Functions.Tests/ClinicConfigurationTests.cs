using Microneedling.Domain.Clinics;
using Microsoft.Extensions.DependencyInjection;

namespace Microneedling.Functions.Tests;

public class ClinicConfigurationTests
{
    [Fact]
    public void The_shipped_sample_is_what_the_app_runs_with_by_default()
    {
        using var factory = HandlerFactory.Standalone();
        _ = factory.Server;

        var clinic = factory.Services.GetRequiredService<Clinic>();

        Assert.Equal("Clearskin Clinic", clinic.Name);
        Assert.Equal("Europe/London", clinic.TimeZone.Id);
        Assert.Equal(2, clinic.Practitioners.Count);
    }

    [Fact]
    public void An_invalid_configuration_stops_start_up_listing_every_problem()
    {
        using var factory = HandlerFactory.Standalone(new Dictionary<string, string?>
        {
            ["Clinic:TimeZone"] = "Mars/Olympus_Mons",
            ["Clinic:Plan:MaxSpacingWeeks"] = "2",
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        var text = error.ToString();
        Assert.Contains("The clinic configuration is invalid", text, StringComparison.Ordinal);
        Assert.Contains("Clinic:TimeZone 'Mars/Olympus_Mons' is not an IANA time zone id", text, StringComparison.Ordinal);
        Assert.Contains("Clinic:Plan:MaxSpacingWeeks 2 is less than MinSpacingWeeks 4", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_json_document_in_one_setting_overrides_the_file()
    {
        using var factory = HandlerFactory.Standalone(new Dictionary<string, string?>
        {
            ["ClinicConfigurationJson"] = """{"Clinic":{"Name":"Riverside Skin","TimeZone":"America/New_York","Currency":"USD"}}""",
        });
        _ = factory.Server;

        var clinic = factory.Services.GetRequiredService<Clinic>();

        Assert.Equal(("Riverside Skin", "America/New_York", "USD"), (clinic.Name, clinic.TimeZone.Id, clinic.Currency));
    }
}
