using Microneedling.Tables;

namespace Microneedling.Storage;

/// <summary>The app's tables, created on first use (once; again only after a failure).</summary>
public sealed class ClinicTables(TableServiceClient service, string prefix = "")
{
    private readonly Lock _gate = new();
    private Task? _ready;

    public TableClient Intakes { get; } = service.GetTableClient(prefix + "Intakes");

    public TableClient Bookings { get; } = service.GetTableClient(prefix + "Bookings");

    /// <summary>Each practitioner's sessions, one row per day: what availability reads and claims check.</summary>
    public TableClient Schedule { get; } = service.GetTableClient(prefix + "ScheduleDays");

    public TableClient Idempotency { get; } = service.GetTableClient(prefix + "Idempotency");

    public TableClient Recovery { get; } = service.GetTableClient(prefix + "Recovery");

    /// <summary>Patients who stopped optional emails, by a hash of their address.</summary>
    public TableClient OptOuts { get; } = service.GetTableClient(prefix + "OptOuts");

    public IEnumerable<TableClient> All => [Intakes, Bookings, Schedule, Idempotency, Recovery, OptOuts];

    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_ready is null || _ready.IsFaulted || _ready.IsCanceled)
            {
                _ready = CreateAllAsync();
            }

            return _ready.WaitAsync(cancellationToken);
        }
    }

    private async Task CreateAllAsync()
    {
        foreach (var table in All)
        {
            await table.CreateIfNotExistsAsync().ConfigureAwait(false);
        }
    }
}
