using System.Globalization;
using Azure.Data.Tables;
using Microneedling.Storage.Entities;

namespace Microneedling.Storage.Audit;

/// <summary>
/// One staff action: when, which action, on which record (booking or intake ids, never a name or
/// an address), who called (a fingerprint of the function key or the signed-in identity) and the
/// HTTP status it ended with. Partition: the UTC month (<c>yyyyMM</c>); row: ticks and a random
/// suffix, so entries sort by time and two at the same tick do not collide.
/// </summary>
public sealed class AuditEntity : EntityBase
{
    public DateTimeOffset At { get; set; }

    public string Action { get; set; } = string.Empty;

    public string Record { get; set; } = string.Empty;

    public string Caller { get; set; } = string.Empty;

    public int Status { get; set; }
}

/// <summary>The audit trail: appended to, read by time range; nothing here changes or removes an entry.</summary>
public sealed class AuditRepository(ClinicTables tables)
{
    public async Task AppendAsync(DateTimeOffset at, string action, string record, string caller, int status, CancellationToken cancellationToken) =>
        await tables.Audit.AddAsync(new AuditEntity
        {
            PartitionKey = Month(at),
            RowKey = string.Create(CultureInfo.InvariantCulture, $"{at.UtcTicks:D19}_{Guid.NewGuid():N}"),
            At = at,
            Action = action,
            Record = record,
            Caller = caller,
            Status = status,
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>Entries from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntity>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntity>();
        var since = from.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        var until = to.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        for (var month = new DateTime(from.UtcDateTime.Year, from.UtcDateTime.Month, 1, 0, 0, 0, DateTimeKind.Utc); month < to.UtcDateTime; month = month.AddMonths(1))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Month(month)} and RowKey ge {since} and RowKey lt {until}");
            await foreach (var entry in tables.Audit.QueryAsync<AuditEntity>(filter, cancellationToken).ConfigureAwait(false))
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    private static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture);
}
