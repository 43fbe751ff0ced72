using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microneedling.Storage.Hosting;

/// <summary>
/// Creates the fixed tables once, at start-up, so no request or timer has to. The first attempt
/// runs beside the rest of start-up instead of before it (every cold start on Flex Consumption
/// would pay for it), bounded and without the pipeline's retries; requests wait for that attempt
/// (<see cref="ITableCreation.FirstAttempt"/>), the host's readiness ping does not. If Table
/// Storage cannot be reached or refuses, creation is retried in the background until it succeeds
/// and the health check says why. Its waits run on real time, as the SDK's own retry delays do:
/// they pace infrastructure, not the clinic's clock.
/// </summary>
internal sealed partial class TableCreationService(IServiceProvider services, IOptions<TableStorageOptions> options, ILogger<TableCreationService> logger)
    : IHostedService, ITableCreation, IDisposable
{
    public static readonly TimeSpan StartWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LastRetry = TimeSpan.FromMinutes(5);

    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _work = Task.CompletedTask;
    private volatile bool _disposed;

    public Task FirstAttempt => _firstAttempt.Task;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var stopping = _stopping.Token;
        _work = Task.Run(() => CreateAsync(stopping), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_disposed)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        await _work.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _disposed = true;
        _stopping.Dispose();
    }

    private async Task CreateAsync(CancellationToken stopping)
    {
        Creation tables;
        bool created;
        try
        {
            var noRetries = new TableClientOptions();
            noRetries.Retry.MaxRetries = 0;
            tables = new Creation(StorageServiceCollectionExtensions.CreateServiceClient(options.Value, noRetries), [.. services.GetRequiredService<ClinicTables>().Names]);
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            bounded.CancelAfter(StartWait);
            created = await TryCreateAsync(tables, bounded.Token).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            LogNotConfigured(ex.Message);
            return;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            _firstAttempt.TrySetResult();
        }

        if (!created)
        {
            await RetryAsync(tables, stopping).ConfigureAwait(false);
        }
    }

    private async Task RetryAsync(Creation tables, CancellationToken stopping)
    {
        var wait = FirstRetry;
        try
        {
            do
            {
                await Task.Delay(wait, stopping).ConfigureAwait(false);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LastRetry.Ticks));
            }
            while (!await TryCreateAsync(tables, stopping).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> TryCreateAsync(Creation tables, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(tables.Names.Select(name => tables.Client.CreateTableIfNotExistsAsync(name, cancellationToken))).ConfigureAwait(false);
            LogCreated(tables.Names.Count);
            return true;
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException
            || (ex is OperationCanceledException && !_stopping.IsCancellationRequested))
        {
            LogNotCreated(ex.GetType().Name, (ex as RequestFailedException)?.Status ?? 0, (ex as RequestFailedException)?.ErrorCode);
            return false;
        }
    }

    /// <summary>A client of its own whose requests are not retried (the retries are this service's), and the tables to create.</summary>
    private sealed record Creation(TableServiceClient Client, IReadOnlyList<string> Names);

    [LoggerMessage(LogLevel.Information, "{Count} tables ready")]
    private partial void LogCreated(int count);

    [LoggerMessage(LogLevel.Warning, "Tables not created yet ({Exception}, status {Status} {ErrorCode}); retrying in the background")]
    private partial void LogNotCreated(string exception, int status, string? errorCode);

    [LoggerMessage(LogLevel.Error, "Table Storage is not configured: {Problem}")]
    private partial void LogNotConfigured(string problem);
}
