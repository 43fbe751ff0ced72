using Microneedling.Functions.Hosting.Timers;
using Microneedling.Storage.Bookings;

namespace Microneedling.Functions.Reminders;

public static class RemindersServiceCollectionExtensions
{
    /// <summary>
    /// Reminder emails: scheduled when a booking is stored (the booking workflow's follow-up), sent at
    /// once for changes and by the sweep timer for everything due.
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ReminderScheduler>();
        services.AddSingleton<IBookingFollowUp>(sp => sp.GetRequiredService<ReminderScheduler>());
        services.AddSingleton<ReminderEmails>();
        services.AddSingleton<ReminderSnapshots>();
        services.AddSingleton<ReminderDelivery>();
        services.AddSingleton<ReminderSweep>();
        services.Configure<ChangeEmailOptions>(configuration.GetSection(ChangeEmailOptions.Section));
        services.AddSingleton<ChangeEmailQueue>();
        services.AddHostedService<ChangeEmailDispatcher>();
        services.AddTimerFunction<ReminderSweepTimer>("ReminderSweep", "ReminderSweepSchedule", "0 * * * * *");
        return services;
    }
}
