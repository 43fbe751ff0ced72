using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;
using Microneedling.Tables.Pipeline;
using Microneedling.Tables.Serialization;

namespace Microneedling.Tables.Query;

/// <summary>
/// A query's pages. The service ends a page at 1,000 entities, at a partition boundary or after
/// five seconds, and may return an empty page that still has a continuation: only the absence
/// of continuation headers ends the query.
/// </summary>
internal sealed class TableQueryPageable<T>(
    TableTransport transport,
    string table,
    string? filter,
    int? maxPerPage,
    string[]? select,
    CancellationToken cancellationToken) : AsyncPageable<T>(cancellationToken)
    where T : class, ITableEntity, new()
{
    private static readonly ResponseClassifier Ok = TableTransport.Expect(200);
    private const char TokenSeparator = ' ';

    public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        var token = continuationToken;
        do
        {
            using var message = transport.CreateMessage(RequestMethod.Get, "/" + table + "()", Ok);
            var uri = message.Request.Uri;
            if (!string.IsNullOrEmpty(filter))
            {
                uri.AppendQuery("$filter", filter);
            }

            if ((pageSizeHint ?? maxPerPage) is { } top)
            {
                uri.AppendQuery("$top", top.ToString(CultureInfo.InvariantCulture));
            }

            if (select is { Length: > 0 })
            {
                uri.AppendQuery("$select", string.Join(',', select));
            }

            if (token is not null)
            {
                var parts = token.Split(TokenSeparator, 2);
                uri.AppendQuery("NextPartitionKey", parts[0]);
                if (parts.Length == 2 && parts[1].Length > 0)
                {
                    uri.AppendQuery("NextRowKey", parts[1]);
                }
            }

            var response = await transport.SendAsync(message, CancellationToken).ConfigureAwait(false);
            var values = ReadValues(response);
            token = NextToken(response);
            yield return Page<T>.FromValues(values, token, response);
        }
        while (token is not null);
    }

    private static List<T> ReadValues(Response response)
    {
        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var array = json.RootElement.GetProperty("value");
        var values = new List<T>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            values.Add(EntityReader.Read<T>(item));
        }

        return values;
    }

    private static string? NextToken(Response response)
    {
        response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var partition);
        response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var row);
        return string.IsNullOrEmpty(partition) ? null : partition + TokenSeparator + row;
    }
}
