using System.Globalization;
using Azure.Data.Tables;
using Microneedling.Storage.Entities;
using Microneedling.Storage.Tables;

namespace Microneedling.Storage.Bookings;

/// <summary>An intent to change a booking's claims: the claims that may exist when it is found.</summary>
public sealed record RecoveryIntent(string RowKey, string BookingId, DateTimeOffset CreatedAt, IReadOnlyList<SessionClaim> Claims, BookingChange Change, IReadOnlyList<int> Sessions);

/// <summary>
/// The intent log. Every booking change writes and removes an intent in one shared partition, so
/// concurrent changes' intent writes are sent together (group commit): under load that saves most
/// of these requests, and a lone change still writes at once.
/// </summary>
public sealed class RecoveryRepository(ClinicTables tables)
{
    private readonly TableWriteCoalescer _log = new(tables.Recovery);

    public async Task<RecoveryIntent> AddAsync(string bookingId, IReadOnlyList<SessionClaim> claims, BookingChange change, IReadOnlyList<int> sessions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var rowKey = string.Create(CultureInfo.InvariantCulture, $"{now.UtcTicks:D19}_{bookingId}_{Guid.NewGuid():N}");
        var entity = new TableEntity(RecoveryKeys.Partition, rowKey)
        {
            ["BookingId"] = bookingId,
            ["CreatedAt"] = now,
            ["Change"] = change.ToString(),
            ["Sessions"] = string.Join(',', sessions),
        };
        for (var i = 0; i < claims.Count; i++)
        {
            entity[$"Claim{i:D2}"] = claims[i].Serialize();
        }

        await _log.AddAsync(entity, cancellationToken).ConfigureAwait(false);
        return new RecoveryIntent(rowKey, bookingId, now, claims, change, sessions);
    }

    public async Task RemoveAsync(RecoveryIntent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        await _log.DeleteAsync(RecoveryKeys.Partition, intent.RowKey, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Intents written before <paramref name="cutoff"/>: their writers are done or dead.</summary>
    public async Task<IReadOnlyList<RecoveryIntent>> OlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {RecoveryKeys.Partition} and RowKey lt {cutoff.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}");
        var intents = new List<RecoveryIntent>();
        await foreach (var row in tables.Recovery.QueryAsync<TableEntity>(filter, cancellationToken).ConfigureAwait(false))
        {
            var claims = row.Keys.Where(k => k.StartsWith("Claim", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
                .Select(k => SessionClaim.Parse(row.GetString(k)!)).ToList();
            var sessions = (row.GetString("Sessions") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList();
            intents.Add(new RecoveryIntent(row.RowKey, row.GetString("BookingId")!, row.GetDateTimeOffset("CreatedAt")!.Value, claims,
                Enum.Parse<BookingChange>(row.GetString("Change") ?? nameof(BookingChange.Created)), sessions));
        }

        return intents;
    }
}
