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
    /// <c>ClinicConfigurationJson</c> (one app setting in Azure). Binding, checking and loading
    /// NodaTime's time zone database (~100 ms) run on another core beside the rest of start-up; the
    /// host starts nothing, the server included, before the check has passed (<see cref="ClinicCheck"/>).
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

        var section = builder.Configuration.GetSection("Clinic");
        var clinic = Task.Run(() => Create(section));
        builder.Services.AddSingleton(_ => clinic.GetAwaiter().GetResult());
        builder.Services.AddHostedService(_ => new ClinicCheck(clinic));
        return builder;
    }

    private static Clinic Create(IConfigurationSection section)
    {
        var result = ClinicFactory.Create(section.Get<ClinicSettings>() ?? new ClinicSettings());
        return result.Clinic ?? throw new InvalidOperationException("The clinic configuration is invalid:\n  " + string.Join("\n  ", result.Errors));
    }

    /// <summary>Registered before the app's other hosted services, which start before the server: start-up fails here if the configuration is invalid.</summary>
    private sealed class ClinicCheck(Task<Clinic> clinic) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => clinic.WaitAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
