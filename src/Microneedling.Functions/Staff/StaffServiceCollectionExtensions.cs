namespace Microneedling.Functions.Staff;

public static class StaffServiceCollectionExtensions
{
    public static IServiceCollection AddStaff(this IServiceCollection services) =>
        services.AddSingleton<StaffService>();
}
