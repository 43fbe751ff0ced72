using Azure;
using Azure.Data.Tables;

namespace Microneedling.Storage.Tables;

/// <summary>
/// One table of the SDK's, with every write checked by <see cref="EntityGuard"/> before it is
/// sent (Azure refuses what Azurite would store). Reads go straight to the SDK's client.
/// </summary>
internal sealed class GuardedTable(TableClient client)
{
    public TableClient Client { get; } = client ?? throw new ArgumentNullException(nameof(client));

    public string Name => Client.Name;

    /// <summary>Inserts; an entity with the same keys makes it fail with 409 <c>EntityAlreadyExists</c>.</summary>
    public Task<Response> AddAsync<T>(T entity, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        EntityGuard.Check(entity);
        return Client.AddEntityAsync(entity, cancellationToken);
    }

    /// <summary>Replaces the entity only if its stored ETag is still <paramref name="ifMatch"/> (412 if not, 404 if it is gone).</summary>
    public Task<Response> ReplaceAsync<T>(T entity, ETag ifMatch, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        EntityGuard.Check(entity);
        if (ifMatch == default)
        {
            throw new ArgumentException("A replace needs the ETag read with the entity, or ETag.All.", nameof(ifMatch));
        }

        return Client.UpdateEntityAsync(entity, ifMatch, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Sets the entity's properties on the stored row, whatever its ETag, keeping the others; 404 if the row is gone.</summary>
    public Task<Response> MergeAsync<T>(T entity, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        EntityGuard.Check(entity);
        return Client.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>Inserts or replaces, whatever is stored.</summary>
    public Task<Response> UpsertAsync<T>(T entity, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        EntityGuard.Check(entity);
        return Client.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>
    /// Deletes if the ETag matches (default: whatever is stored). A missing entity is not an error:
    /// the SDK returns its 404 response instead of throwing.
    /// </summary>
    public Task<Response> DeleteAsync(string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken)
    {
        TableKeys.Validate(partitionKey, rowKey);
        return Client.DeleteEntityAsync(partitionKey, rowKey, ifMatch == default ? ETag.All : ifMatch, cancellationToken);
    }

    /// <summary>
    /// One atomic entity-group transaction; a refusal is a <see cref="TableTransactionFailedException"/>
    /// naming the failing action. Each action's response carries its new ETag.
    /// </summary>
    public async Task<IReadOnlyList<Response>> SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        EntityGuard.Check(actions);
        return (await Client.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false)).Value;
    }

    public async Task<T?> GetIfExistsAsync<T>(string partitionKey, string rowKey, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        var found = await Client.GetEntityIfExistsAsync<T>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? found.Value : null;
    }

    public AsyncPageable<T> QueryAsync<T>(string filter, CancellationToken cancellationToken)
        where T : class, ITableEntity => Client.QueryAsync<T>(filter, cancellationToken: cancellationToken);
}
