namespace Microneedling.Functions.Timers;

public static class TimerServiceCollectionExtensions
{
    public static IServiceCollection AddTimerFunctions(this IServiceCollection services)
    {
        services.AddSingleton<TimerSchedules>();
        services.AddSingleton<TimerRunner>();
        services.AddHostedService<StandaloneTimerScheduler>();
        return services;
    }

    public static IServiceCollection AddTimerFunction<TTimer>(this IServiceCollection services)
        where TTimer : class, ITimerFunction =>
        services.AddSingleton<ITimerFunction, TTimer>();
}
