using Azure;
using Azure.Data.Tables;

namespace Microneedling.Storage.Reminders;

/// <summary>How far the reminder sweep has read, in the Recovery table, so the next sweep starts there.</summary>
public sealed class SweepCheckpoint(ClinicTables tables)
{
    private const string Partition = "checkpoint";
    private const string Row = "reminder-sweep";

    public async Task<(DateTimeOffset? Through, ETag ETag)> ReadAsync(CancellationToken cancellationToken)
    {
        var row = await tables.Recovery.GetIfExistsAsync<TableEntity>(Partition, Row, cancellationToken).ConfigureAwait(false);
        return row is null ? (null, default) : (row.GetDateTimeOffset("Through"), row.ETag);
    }

    /// <summary>Moves the checkpoint forward (never back), tolerating a concurrent sweep doing the same.</summary>
    public async Task AdvanceAsync(DateTimeOffset through, CancellationToken cancellationToken)
    {
        var (current, etag) = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (current >= through)
        {
            return;
        }

        var row = new TableEntity(Partition, Row) { ["Through"] = through };
        try
        {
            if (current is null)
            {
                await tables.Recovery.AddAsync(row, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await tables.Recovery.ReplaceAsync(row, etag, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another sweep moved it meanwhile.
        }
    }
}
