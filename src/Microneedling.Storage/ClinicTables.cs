using Microneedling.Tables;

namespace Microneedling.Storage;

/// <summary>The app's tables, created once at start-up.</summary>
public sealed class ClinicTables(TableServiceClient service, string prefix = "")
{
    public TableClient Intakes { get; } = service.GetTableClient(prefix + "Intakes");

    public TableClient Bookings { get; } = service.GetTableClient(prefix + "Bookings");

    public TableClient Schedule { get; } = service.GetTableClient(prefix + "Schedule");

    public TableClient Idempotency { get; } = service.GetTableClient(prefix + "Idempotency");

    public TableClient Recovery { get; } = service.GetTableClient(prefix + "Recovery");

    public IEnumerable<TableClient> All => [Intakes, Bookings, Schedule, Idempotency, Recovery];

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var table in All)
        {
            await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
