using Microneedling.Domain.Clinics;
using Microneedling.Functions.Api;
using Microsoft.Extensions.Options;

namespace Microneedling.Functions.Pages;

public static class PagesServiceCollectionExtensions
{
    /// <summary>The patient pages' services; the app refuses to start when emails would have nowhere to link to.</summary>
    public static IServiceCollection AddPages(this IServiceCollection services)
    {
        services.AddSingleton<PageAssets>();
        services.AddSingleton<PageHtml>();
        services.AddSingleton<PageSecurity>();
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
