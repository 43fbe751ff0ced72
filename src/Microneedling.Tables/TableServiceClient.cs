using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Microneedling.Tables.Pipeline;

namespace Microneedling.Tables;

/// <summary>The account-level Table operations: list, create and delete tables, and hand out <see cref="TableClient"/>s.</summary>
public sealed partial class TableServiceClient
{
    private static readonly ResponseClassifier Deleted = TableTransport.Expect(204, 404);
    private static readonly ResponseClassifier Ok = TableTransport.Expect(200);

    private readonly TableTransport _transport;

    public TableServiceClient(string connectionString, TableClientOptions? options = null)
        : this(TableTransport.Create(TableConnectionString.Parse(connectionString), options))
    {
    }

    public TableServiceClient(Uri endpoint, TableSharedKeyCredential credential, TableClientOptions? options = null)
        : this(TableTransport.Create(endpoint, credential, options))
    {
    }

    public TableServiceClient(Uri endpoint, TokenCredential credential, TableClientOptions? options = null)
        : this(TableTransport.Create(endpoint, credential, options))
    {
    }

    private TableServiceClient(TableTransport transport) => _transport = transport;

    public Uri Uri => _transport.Endpoint;

    public TableClient GetTableClient(string tableName) => new(_transport, tableName);

    /// <summary>Creates the table; an existing table is not an error (the 409 response is returned).</summary>
    public Task<Response> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Deletes the table; a missing table is not an error.</summary>
    public async Task<Response> DeleteTableAsync(string tableName, CancellationToken cancellationToken = default)
    {
        ValidateTableName(tableName);
        using var message = _transport.CreateMessage(RequestMethod.Delete, $"/Tables('{tableName}')", Deleted);
        return await _transport.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Table names, following continuations; <paramref name="maxPerPage"/> bounds each request.</summary>
    public async IAsyncEnumerable<string> QueryTablesAsync(int? maxPerPage = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? next = null;
        do
        {
            using var message = _transport.CreateMessage(RequestMethod.Get, "/Tables", Ok);
            if (maxPerPage is { } top)
            {
                message.Request.Uri.AppendQuery("$top", top.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (next is not null)
            {
                message.Request.Uri.AppendQuery("NextTableName", next);
            }

            var response = await _transport.SendAsync(message, cancellationToken).ConfigureAwait(false);
            using var json = await JsonDocument.ParseAsync(response.ContentStream!, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var table in json.RootElement.GetProperty("value").EnumerateArray())
            {
                yield return table.GetProperty("TableName").GetString()!;
            }

            next = response.Headers.TryGetValue("x-ms-continuation-NextTableName", out var n) && !string.IsNullOrEmpty(n) ? n : null;
        }
        while (next is not null);
    }

    internal static void ValidateTableName(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        if (!TableName().IsMatch(tableName) || tableName.Equals("tables", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{tableName}' is not a valid table name (3-63 letters and digits, starting with a letter).", nameof(tableName));
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableName();
}
