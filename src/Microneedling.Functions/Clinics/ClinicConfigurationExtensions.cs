using System.Text;
using Microneedling.Domain.Clinics;
using Microsoft.Extensions.Configuration.Json;

namespace Microneedling.Functions.Clinics;

public static class ClinicConfigurationExtensions
{
    public const string FileSetting = "ClinicConfigurationFile";
    public const string JsonSetting = "ClinicConfigurationJson";
    public const string SampleFile = "clinic.sample.json";

    /// <summary>
    /// Reads the clinic's configuration (the <c>Clinic</c> section) and refuses to start with every
    /// problem listed. Sources, later ones winning: the file named by <c>ClinicConfigurationFile</c>
    /// (else the shipped sample), appsettings, environment, then a whole JSON document in
    /// <c>ClinicConfigurationJson</c> (one app setting in Azure).
    /// </summary>
    public static WebApplicationBuilder AddClinic(this WebApplicationBuilder builder)
    {
        var file = builder.Configuration[FileSetting] ?? Path.Combine(AppContext.BaseDirectory, SampleFile);
        var source = new JsonConfigurationSource { Path = Path.GetFullPath(file), Optional = false };
        source.ResolveFileProvider();
        builder.Configuration.Sources.Insert(0, source);
        if (builder.Configuration[JsonSetting] is { Length: > 0 } json)
        {
            builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        }

        var settings = builder.Configuration.GetSection("Clinic").Get<ClinicSettings>() ?? new ClinicSettings();
        var result = ClinicFactory.Create(settings);
        if (result.Clinic is null)
        {
            throw new InvalidOperationException("The clinic configuration is invalid:\n  " + string.Join("\n  ", result.Errors));
        }

        builder.Services.AddSingleton(result.Clinic);
        return builder;
    }
}
