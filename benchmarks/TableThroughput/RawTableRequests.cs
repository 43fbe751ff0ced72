using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace TableThroughput;

/// <summary>
/// The baseline: the same Table operations as bare HTTP requests whose bodies and signatures are
/// computed before timing starts, so nothing but the wire and the server is measured.
/// </summary>
internal sealed class RawTableRequests(HttpClient http, Uri endpoint, string account, byte[] key, string table)
{
    private readonly string _date = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);

    public Func<Task> PrepareInsert(string partitionKey, string rowKey)
    {
        var body = Encoding.UTF8.GetBytes($"{{\"PartitionKey\":\"{partitionKey}\",\"RowKey\":\"{rowKey}\",\"Text\":\"benchmark entity\",\"Count\":42}}");
        var url = new Uri($"{endpoint}/{table}");
        var authorization = Sign(url);
        return async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url);
            AddHeaders(request, authorization);
            request.Headers.TryAddWithoutValidation("Prefer", "return-no-content");
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.SendAsync(request).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
        };
    }

    public Func<Task> PreparePointRead(string partitionKey, string rowKey)
    {
        var url = new Uri($"{endpoint}/{table}(PartitionKey='{partitionKey}',RowKey='{rowKey}')");
        var authorization = Sign(url);
        return async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            AddHeaders(request, authorization);
            using var response = await http.SendAsync(request).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        };
    }

    private void AddHeaders(HttpRequestMessage request, string authorization)
    {
        request.Headers.TryAddWithoutValidation("x-ms-date", _date);
        request.Headers.TryAddWithoutValidation("x-ms-version", "2019-02-02");
        request.Headers.TryAddWithoutValidation("DataServiceVersion", "3.0");
        request.Headers.TryAddWithoutValidation("Accept", "application/json;odata=minimalmetadata");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
    }

    private string Sign(Uri url)
    {
        var stringToSign = _date + "\n/" + account + url.AbsolutePath;
        return $"SharedKeyLite {account}:{Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)))}";
    }
}
