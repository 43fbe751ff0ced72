using Azure.Data.Tables;
using Azure.Identity;
using Microneedling.Storage.Audit;
using Microneedling.Storage.Bookings;
using Microneedling.Storage.Idempotency;
using Microneedling.Storage.Intakes;
using Microneedling.Storage.OptOuts;
using Microneedling.Storage.Reminders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microneedling.Storage.Hosting;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// One <see cref="TableServiceClient"/> for the app (the SDK's clients are thread-safe and meant
    /// to be reused), the clinic's tables and repositories over it, the tables' creation at start-up,
    /// and a health check.
    /// </summary>
    public static IServiceCollection AddClinicStorage(this IServiceCollection services, IConfiguration storageSection, string tablePrefix = "")
    {
        services.Configure<TableStorageOptions>(storageSection);
        services.AddSingleton(sp => CreateServiceClient(sp.GetRequiredService<IOptions<TableStorageOptions>>().Value));
        services.AddSingleton(sp => new ClinicTables(sp.GetRequiredService<TableServiceClient>(), tablePrefix));
        services.AddSingleton<BookingRepository>();
        services.AddSingleton<ScheduleRepository>();
        services.AddSingleton<RecoveryRepository>();
        services.AddSingleton<BookingWorkflow>();
        services.AddSingleton<IntakeRepository>();
        services.AddSingleton<IdempotencyRepository>();
        services.AddSingleton<ReminderQueue>();
        services.AddSingleton<EmailLog>();
        services.AddSingleton<SweepCheckpoint>();
        services.AddSingleton<OptOutRepository>();
        services.AddSingleton<AuditRepository>();
        services.AddSingleton<TableCreationService>();
        services.AddSingleton<ITableCreation>(sp => sp.GetRequiredService<TableCreationService>());
        services.AddHostedService(sp => sp.GetRequiredService<TableCreationService>());
        services.AddHealthChecks().AddCheck<TableStorageHealthCheck>("tableStorage");
        return services;
    }

    /// <summary>A connection string locally (Azurite, account key); in Azure the table endpoint with the app's managed identity, so no key sits in app settings.</summary>
    internal static TableServiceClient CreateServiceClient(TableStorageOptions options, TableClientOptions? clientOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        clientOptions ??= new TableClientOptions();
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new TableServiceClient(options.ConnectionString, clientOptions);
        }

        if (options.TableEndpoint is { } endpoint)
        {
            var credential = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
                ? new DefaultAzureCredential()
                : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
            return new TableServiceClient(endpoint, credential, clientOptions);
        }

        throw new InvalidOperationException(
            $"Table Storage is not configured: set {TableStorageOptions.Section}:ConnectionString (Azurite, account key) or {TableStorageOptions.Section}:TableEndpoint (managed identity).");
    }
}
