using Microneedling.Domain.Clinics;
using Microneedling.Functions.Api;
using Microsoft.Extensions.Options;

namespace Microneedling.Functions.PatientLinks;

public static class PatientLinksServiceCollectionExtensions
{
    /// <summary>
    /// Links and their tokens; the app refuses to start without a valid token secret or with
    /// nowhere for emails to link to.
    /// </summary>
    public static IServiceCollection AddPatientLinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ManageTokenOptions>().Bind(configuration.GetSection(ManageTokenOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ManageTokenOptions>, ManageTokenOptionsValidator>();
        services.AddSingleton<ManageTokens>();
        services.AddSingleton<IntakeTokens>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<PageLinks>();
        services.AddSingleton<IValidateOptions<ApiOptions>, PageLinksValidator>();
        services.AddOptions<ApiOptions>().ValidateOnStart();
        return services;
    }

    private sealed class PageLinksValidator(Clinic clinic) : IValidateOptions<ApiOptions>
    {
        public ValidateOptionsResult Validate(string? name, ApiOptions options) =>
            options.PublicUrl is not null || clinic.PublicBaseUrl is not null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(PageLinks.MissingMessage);
    }
}
