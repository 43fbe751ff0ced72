using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Microneedling.Storage.Hosting;

/// <summary>Table Storage is healthy when an authenticated request to it succeeds within the timeout.</summary>
internal sealed class TableStorageHealthCheck(IServiceProvider services, IOptions<TableStorageOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.HealthTimeout);
        try
        {
            var client = services.GetRequiredService<TableServiceClient>();
            await foreach (var _ in client.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).ConfigureAwait(false))
            {
                break;
            }

            return HealthCheckResult.Healthy("Table Storage answered.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Table Storage did not answer within {options.Value.HealthTimeout.TotalSeconds:0.#} s.");
        }
        catch (RequestFailedException ex)
        {
            return HealthCheckResult.Unhealthy($"Table Storage refused the request: {ex.Status} {ex.ErrorCode}.");
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or AggregateException or FormatException)
        {
            return HealthCheckResult.Unhealthy($"Table Storage is unreachable ({ex.GetType().Name}).");
        }
    }
}
