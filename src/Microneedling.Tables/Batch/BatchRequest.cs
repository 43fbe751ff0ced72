using System.Buffers;
using System.Text;
using System.Text.Json;
using Microneedling.Tables.Pipeline;
using Microneedling.Tables.Serialization;

namespace Microneedling.Tables.Batch;

/// <summary>
/// The multipart/mixed body of a <c>$batch</c> request: one changeset of HTTP requests, checked
/// against Azure's rules first (Azurite wrongly accepts mixed partitions, so we must not rely on it).
/// </summary>
internal sealed record BatchRequest(string ContentType, ReadOnlyMemory<byte> Body)
{
    public const int MaxActions = 100;
    public const int MaxBodyBytes = 4 * 1024 * 1024;
    private const string Crlf = "\r\n";
    private static readonly JsonWriterOptions OneLine = new() { Indented = false, SkipValidation = true };

    public static BatchRequest Create(Uri endpoint, string table, IReadOnlyList<TableTransactionAction> actions) =>
        Create(endpoint, table, actions, Guid.NewGuid().ToString("D"), Guid.NewGuid().ToString("D"));

    internal static BatchRequest Create(Uri endpoint, string table, IReadOnlyList<TableTransactionAction> actions, string batchId, string changesetId)
    {
        Validate(actions);
        var batch = "batch_" + batchId;
        var changeset = "changeset_" + changesetId;
        var buffer = new ArrayBufferWriter<byte>(1024);
        Append(buffer, $"--{batch}{Crlf}Content-Type: multipart/mixed; boundary={changeset}{Crlf}{Crlf}");
        foreach (var action in actions)
        {
            Append(buffer, $"--{changeset}{Crlf}Content-Type: application/http{Crlf}Content-Transfer-Encoding: binary{Crlf}{Crlf}");
            WriteOperation(buffer, endpoint, table, action);
        }

        Append(buffer, $"--{changeset}--{Crlf}--{batch}--{Crlf}");
        if (buffer.WrittenCount > MaxBodyBytes)
        {
            throw new ArgumentException($"The transaction is {buffer.WrittenCount} bytes; a transaction may carry at most 4 MiB.");
        }

        return new BatchRequest("multipart/mixed; boundary=" + batch, buffer.WrittenMemory);
    }

    private static void Validate(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count is 0 or > MaxActions)
        {
            throw new ArgumentException($"A transaction holds 1 to {MaxActions} actions, not {actions.Count}.");
        }

        var partition = actions[0].Entity.PartitionKey;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var entity = actions[i].Entity ?? throw new ArgumentException($"Action {i} has no entity.");
            TableKeys.Validate(entity.PartitionKey, entity.RowKey);
            if (!string.Equals(entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Action {i} is in another partition: a transaction must stay in one partition.");
            }

            if (!rows.Add(entity.RowKey))
            {
                throw new ArgumentException($"Action {i} repeats a row key: a transaction may touch each entity once.");
            }
        }
    }

    private static void WriteOperation(ArrayBufferWriter<byte> buffer, Uri endpoint, string table, TableTransactionAction action)
    {
        var entity = action.Entity;
        var entityUrl = $"{endpoint.AbsoluteUri.TrimEnd('/')}/{table}{TableClient.EntityPath(entity.PartitionKey, entity.RowKey)}";
        var ifMatch = action.ETag == default ? "*" : action.ETag.ToString();
        var (line, headers, hasBody) = action.ActionType switch
        {
            TableTransactionActionType.Add => ($"POST {endpoint.AbsoluteUri.TrimEnd('/')}/{table} HTTP/1.1", "Prefer: return-no-content" + Crlf, true),
            TableTransactionActionType.UpdateMerge => ($"PATCH {entityUrl} HTTP/1.1", $"If-Match: {ifMatch}{Crlf}", true),
            TableTransactionActionType.UpdateReplace => ($"PUT {entityUrl} HTTP/1.1", $"If-Match: {ifMatch}{Crlf}", true),
            TableTransactionActionType.Delete => ($"DELETE {entityUrl} HTTP/1.1", $"If-Match: {ifMatch}{Crlf}", false),
            TableTransactionActionType.UpsertMerge => ($"PATCH {entityUrl} HTTP/1.1", string.Empty, true),
            TableTransactionActionType.UpsertReplace => ($"PUT {entityUrl} HTTP/1.1", string.Empty, true),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.ActionType, "Unknown transaction action."),
        };

        Append(buffer, $"{line}{Crlf}Accept: {TableTransport.AcceptJson}{Crlf}DataServiceVersion: 3.0{Crlf}{headers}");
        if (hasBody)
        {
            Append(buffer, $"Content-Type: application/json{Crlf}{Crlf}");
            using (var writer = new Utf8JsonWriter(buffer, OneLine))
            {
                EntityWriter.Write(writer, entity);
            }

            Append(buffer, Crlf);
        }
        else
        {
            Append(buffer, Crlf);
        }
    }

    private static void Append(ArrayBufferWriter<byte> buffer, string text)
    {
        var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        buffer.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
