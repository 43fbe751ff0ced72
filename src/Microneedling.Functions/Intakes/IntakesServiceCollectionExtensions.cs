namespace Microneedling.Functions.Intakes;

public static class IntakesServiceCollectionExtensions
{
    public static IServiceCollection AddIntakes(this IServiceCollection services) =>
        services.AddSingleton<IntakeService>();
}
