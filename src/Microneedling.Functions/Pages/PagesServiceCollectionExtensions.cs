namespace Microneedling.Functions.Pages;

public static class PagesServiceCollectionExtensions
{
    public static IServiceCollection AddPages(this IServiceCollection services)
    {
        services.AddSingleton<PageAssets>();
        services.AddSingleton<PageHtml>();
        services.AddSingleton<PageSecurity>();
        return services;
    }
}
