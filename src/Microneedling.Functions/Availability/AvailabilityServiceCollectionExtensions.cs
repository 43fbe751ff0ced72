namespace Microneedling.Functions.Availability;

public static class AvailabilityServiceCollectionExtensions
{
    public static IServiceCollection AddAvailability(this IServiceCollection services) =>
        services.AddSingleton<AvailabilityService>();
}
