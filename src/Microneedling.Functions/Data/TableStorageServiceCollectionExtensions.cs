using Azure.Identity;
using Microneedling.Tables;
using Microsoft.Extensions.Options;

namespace Microneedling.Functions.Data;

public static class TableStorageServiceCollectionExtensions
{
    public static IServiceCollection AddTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TableStorageOptions>(configuration.GetSection(TableStorageOptions.Section));
        services.AddSingleton(sp => CreateServiceClient(sp.GetRequiredService<IOptions<TableStorageOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddHealthChecks().AddCheck<TableStorageHealthCheck>("tableStorage");
        return services;
    }

    private static TableServiceClient CreateServiceClient(TableStorageOptions options, TimeProvider clock)
    {
        var clientOptions = new TableClientOptions { TimeProvider = clock };
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
