using Microneedling.Functions.Hosting.Timers;

namespace Microneedling.Functions.Bookings;

public static class BookingsServiceCollectionExtensions
{
    public static IServiceCollection AddBookings(this IServiceCollection services)
    {
        services.AddSingleton<BookingCreation>();
        services.AddSingleton<BookingService>();
        services.AddSingleton<BookingCalendarService>();
        services.AddTimerFunction<BookingRecoveryTimer>("BookingRecovery", "BookingRecoverySchedule", "30 */2 * * * *");
        return services;
    }
}
