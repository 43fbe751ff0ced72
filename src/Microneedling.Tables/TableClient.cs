using System.Text.Json;
using Azure;
using Azure.Core;
using Microneedling.Tables.Batch;
using Microneedling.Tables.Pipeline;
using Microneedling.Tables.Query;
using Microneedling.Tables.Serialization;

namespace Microneedling.Tables;

/// <summary>
/// Entity operations on one table, shaped like <c>Azure.Data.Tables.TableClient</c>: failures are
/// <see cref="RequestFailedException"/>s carrying the service's status and error code.
/// </summary>
public sealed class TableClient
{
    private static readonly ResponseClassifier NoContent = TableTransport.Expect(204);
    private static readonly ResponseClassifier Ok = TableTransport.Expect(200);
    private static readonly ResponseClassifier OkOrMissing = TableTransport.Expect(200, 404);
    private static readonly ResponseClassifier TableCreated = TableTransport.Expect(201, 204, 409);
    private static readonly ResponseClassifier Accepted = TableTransport.Expect(202);
    private static readonly RequestMethod Patch = new("PATCH");

    private readonly TableTransport _transport;

    public TableClient(string connectionString, string tableName, TableClientOptions? options = null)
        : this(TableTransport.Create(TableConnectionString.Parse(connectionString), options), tableName)
    {
    }

    public TableClient(Uri endpoint, string tableName, TableSharedKeyCredential credential, TableClientOptions? options = null)
        : this(TableTransport.Create(endpoint, credential, options), tableName)
    {
    }

    public TableClient(Uri endpoint, string tableName, TokenCredential credential, TableClientOptions? options = null)
        : this(TableTransport.Create(endpoint, credential, options), tableName)
    {
    }

    internal TableClient(TableTransport transport, string tableName)
    {
        TableServiceClient.ValidateTableName(tableName);
        _transport = transport;
        Name = tableName;
    }

    public string Name { get; }

    /// <summary>Builds a filter whose interpolated values become escaped, typed literals.</summary>
    public static string CreateQueryFilter(FormattableString filter) => TableQueryFilter.Create(filter);

    public async Task<Response> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _transport.CreateMessage(RequestMethod.Post, "/Tables", TableCreated);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        TableTransport.SetJsonContent(message, w =>
        {
            w.WriteStartObject();
            w.WriteString("TableName", Name);
            w.WriteEndObject();
        });
        return await _transport.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Inserts; an entity with the same keys makes it fail with 409 <c>EntityAlreadyExists</c>.</summary>
    public async Task<Response> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = _transport.CreateMessage(RequestMethod.Post, "/" + Name, NoContent);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        TableTransport.SetJsonContent(message, w => EntityWriter.Write(w, entity));
        return await _transport.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads one entity; a missing one fails with 404 <c>ResourceNotFound</c>.</summary>
    public async Task<Response<T>> GetEntityAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var result = await GetAsync<T>(partitionKey, rowKey, select, Ok, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(result.Value!, result.Response);
    }

    /// <summary>Reads one entity, or says it is absent, without an exception.</summary>
    public async Task<NullableResponse<T>> GetEntityIfExistsAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var result = await GetAsync<T>(partitionKey, rowKey, select, OkOrMissing, cancellationToken).ConfigureAwait(false);
        return result.Value is null ? new MissingEntityResponse<T>(result.Response) : Response.FromValue(result.Value, result.Response);
    }

    /// <summary>Replaces or merges only if the stored ETag still matches (412 <c>UpdateConditionNotSatisfied</c> if not); <see cref="ETag.All"/> updates whatever is there.</summary>
    public Task<Response> UpdateEntityAsync<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity
    {
        if (ifMatch == default)
        {
            throw new ArgumentException("An update needs the ETag read with the entity, or ETag.All.", nameof(ifMatch));
        }

        return WriteAsync(entity, ifMatch, mode, cancellationToken);
    }

    /// <summary>Inserts or updates unconditionally.</summary>
    public Task<Response> UpsertEntityAsync<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : ITableEntity => WriteAsync(entity, null, mode, cancellationToken);

    /// <summary>Deletes if the ETag matches (default: whatever is stored). Deleting a missing entity fails with 404.</summary>
    public async Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        using var message = _transport.CreateMessage(RequestMethod.Delete, "/" + Name + EntityPath(partitionKey, rowKey), NoContent);
        message.Request.Headers.SetValue("If-Match", ifMatch == default ? "*" : ifMatch.ToString());
        return await _transport.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Entities matching the filter, page by page as the service returns them (at most 1,000 a page).</summary>
    public AsyncPageable<T> QueryAsync<T>(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        if (maxPerPage is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), "A page holds 1 to 1,000 entities.");
        }

        return new TableQueryPageable<T>(_transport, Name, filter, maxPerPage, select?.ToArray(), cancellationToken);
    }

    /// <summary>
    /// Runs the actions as one atomic entity-group transaction: all succeed or none is applied.
    /// A failure is a <see cref="TableTransactionFailedException"/> naming the failing action.
    /// </summary>
    public async Task<Response<IReadOnlyList<TableTransactionResult>>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        var batch = BatchRequest.Create(_transport.Endpoint, Name, list);
        using var message = _transport.CreateMessage(RequestMethod.Post, "/$batch", Accepted);
        message.Request.Headers.SetValue("Content-Type", batch.ContentType);
        message.Request.Content = RequestContent.Create(batch.Body);
        var response = await _transport.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var results = BatchResponse.Parse(response, list.Count);
        return Response.FromValue(results, response);
    }

    internal static string EntityPath(string partitionKey, string rowKey) =>
        $"(PartitionKey='{EscapedKey(partitionKey, nameof(partitionKey))}',RowKey='{EscapedKey(rowKey, nameof(rowKey))}')";

    private static string EscapedKey(string key, string name)
    {
        TableKeys.ValidateKey(key, name);
        return TableKeys.ForUrl(key);
    }

    private async Task<Response> WriteAsync<T>(T entity, ETag? ifMatch, TableUpdateMode mode, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        var method = mode == TableUpdateMode.Replace ? RequestMethod.Put : Patch;
        using var message = _transport.CreateMessage(method, "/" + Name + EntityPath(entity.PartitionKey, entity.RowKey), NoContent);
        if (ifMatch is { } etag)
        {
            message.Request.Headers.SetValue("If-Match", etag.ToString());
        }

        TableTransport.SetJsonContent(message, w => EntityWriter.Write(w, entity));
        return await _transport.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(T? Value, Response Response)> GetAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select, ResponseClassifier classifier, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        using var message = _transport.CreateMessage(RequestMethod.Get, "/" + Name + EntityPath(partitionKey, rowKey), classifier);
        if (select is not null)
        {
            message.Request.Uri.AppendQuery("$select", string.Join(',', select));
        }

        var response = await _transport.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404)
        {
            return (null, response);
        }

        using var json = JsonDocument.Parse(response.Content.ToMemory());
        return (EntityReader.Read<T>(json.RootElement), response);
    }
}

/// <summary>The outcome of one action of a transaction.</summary>
public sealed record TableTransactionResult(int Status, ETag? ETag);

internal sealed class MissingEntityResponse<T>(Response response) : NullableResponse<T>
{
    public override bool HasValue => false;

    public override T? Value => throw new InvalidOperationException("The entity does not exist.");

    public override Response GetRawResponse() => response;
}
