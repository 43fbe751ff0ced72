namespace Microneedling.Functions.Hosting.Timers;

public static class TimerServiceCollectionExtensions
{
    public static IServiceCollection AddTimerFunctions(this IServiceCollection services)
    {
        services.AddSingleton<TimerSchedules>();
        services.AddSingleton<TimerRunner>();
        services.AddHostedService<StandaloneTimerScheduler>();
        return services;
    }

    public static IServiceCollection AddTimerFunction<THandler>(this IServiceCollection services, string name, string scheduleSetting, string defaultSchedule)
        where THandler : class, ITimerFunction
    {
        services.AddSingleton(new TimerDefinition(name, scheduleSetting, defaultSchedule, typeof(THandler)));
        services.AddSingleton<THandler>();
        return services;
    }
}
