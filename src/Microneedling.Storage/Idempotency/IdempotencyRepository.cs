using System.Security.Cryptography;
using System.Text;
using Azure;
using Microneedling.Storage.Entities;

namespace Microneedling.Storage.Idempotency;

public enum IdempotencyDecision
{
    /// <summary>First time: go ahead with the resource id recorded.</summary>
    Proceed,

    /// <summary>Seen before with the same body: answer from the resource's receipt, or resume if there is none yet (a crash or a concurrent retry).</summary>
    Repeat,

    /// <summary>The same key with another body: refuse (422).</summary>
    Mismatch,
}

public sealed record IdempotencyResult(IdempotencyDecision Decision, IdempotencyEntity Record);

/// <summary>
/// <c>Idempotency-Key</c> bookkeeping: an insert-if-absent decides who goes first and which resource
/// id the key creates. Keys are scoped by operation and stored only as hashes.
/// </summary>
public sealed class IdempotencyRepository(ClinicTables tables)
{
    public async Task<IdempotencyResult> BeginAsync(string scope, string key, string requestBody, string resourceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var record = new IdempotencyEntity
        {
            PartitionKey = Hash(scope + "\n" + key),
            RowKey = IdempotencyEntity.Row,
            RequestHash = Hash(requestBody),
            ResourceId = resourceId,
            CreatedAt = now,
        };
        try
        {
            await tables.Idempotency.AddAsync(record, cancellationToken).ConfigureAwait(false);
            return new IdempotencyResult(IdempotencyDecision.Proceed, record);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = (await tables.Idempotency.Client.GetEntityAsync<IdempotencyEntity>(record.PartitionKey, record.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            return new IdempotencyResult(existing.RequestHash == record.RequestHash ? IdempotencyDecision.Repeat : IdempotencyDecision.Mismatch, existing);
        }
    }

    /// <summary>Forgets a key whose request failed, so a retry is judged afresh.</summary>
    public async Task ForgetAsync(IdempotencyEntity record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await tables.Idempotency.DeleteAsync(record.PartitionKey, record.RowKey, default, cancellationToken).ConfigureAwait(false);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
