using Azure.Identity;
using Microneedling.Domain.Clinics;
using Microneedling.Email;
using Microneedling.Email.Acs;
using Microneedling.Email.Outbox;
using Microneedling.Email.Templates;
using Microneedling.Functions.PatientLinks;
using Microsoft.Extensions.Options;

namespace Microneedling.Functions.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>The email sender named by <c>Email:Sender</c>, built on first use so that describing the app needs no email settings.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<IEmailSender>(sp => Create(sp.GetRequiredService<IOptions<EmailOptions>>().Value, sp.GetRequiredService<Clinic>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => Branding(sp.GetRequiredService<Clinic>(), sp.GetRequiredService<PageLinks>()));
        return services;
    }

    public static ClinicBranding Branding(Clinic clinic, PageLinks links)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(links);
        return new ClinicBranding(clinic.Name, new EmailAddress(clinic.SenderEmail, clinic.SenderName),
            clinic.Locations[0].Address, links.Pages, clinic.Brand.PrimaryColor);
    }

    private static IEmailSender Create(EmailOptions options, Clinic clinic, TimeProvider clock)
    {
        if (options.Sender == EmailSenderKind.Outbox)
        {
            return new OutboxEmailSender(new OutboxOptions { Folder = options.OutboxFolder, MessageIdDomain = clinic.Domain }, clock);
        }

        var clientOptions = new AcsEmailClientOptions { TimeProvider = clock };
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        var client = !string.IsNullOrWhiteSpace(options.AcsConnectionString) ? new AcsEmailClient(options.AcsConnectionString, clientOptions)
            : options.AcsEndpoint is { } endpoint ? new AcsEmailClient(endpoint, Credential(options), clientOptions)
            : throw new InvalidOperationException($"Email is not configured: set {EmailOptions.Section}:Sender=Outbox, or {EmailOptions.Section}:AcsConnectionString or {EmailOptions.Section}:AcsEndpoint.");
        return new AcsEmailSender(client, new SendPacer(options.Pacing, clock));
    }

    private static DefaultAzureCredential Credential(EmailOptions options) => string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
        ? new DefaultAzureCredential()
        : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
}
