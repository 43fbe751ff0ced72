using Microneedling.Functions.Hosting.Timers;
using Microneedling.Storage.PatientData;

namespace Microneedling.Functions.PatientData;

public static class PatientDataServiceCollectionExtensions
{
    /// <summary>Export, erasure, the audit trail and the retention timer (its schedule in the <c>PatientDataRetentionSchedule</c> setting).</summary>
    public static IServiceCollection AddPatientData(this IServiceCollection services)
    {
        services.AddSingleton<PatientDataStore>();
        services.AddSingleton<RetentionSweep>();
        services.AddTimerFunction<RetentionTimer>(RetentionTimer.Name, RetentionTimer.ScheduleSetting, RetentionTimer.DefaultSchedule);
        return services;
    }
}
