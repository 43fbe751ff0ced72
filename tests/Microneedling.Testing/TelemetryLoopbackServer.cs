using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Microneedling.Testing;

/// <summary>
/// A loopback stand-in for where telemetry goes: Application Insights' ingestion endpoint
/// (<c>POST /v2.1/track</c>, gzip'd JSON lines, answered as Breeze answers) and an OTLP/HTTP
/// collector (<c>POST /v1/traces|metrics|logs</c>, answered with an empty export response). It keeps
/// what Application Insights would have received as text, and counts what arrived.
/// </summary>
public sealed class TelemetryLoopbackServer : IAsyncDisposable
{
    private WebApplication _app = null!;
    private long _bytes;
    private long _requests;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>A connection string that sends Application Insights telemetry here (live metrics too).</summary>
    public string ConnectionString => $"InstrumentationKey=00000000-0000-0000-0000-0000000000a1;IngestionEndpoint={Endpoint};LiveEndpoint={Endpoint}";

    /// <summary>Every Application Insights envelope received, one JSON document a line.</summary>
    public ConcurrentQueue<string> Envelopes { get; } = new();

    public long Bytes => Interlocked.Read(ref _bytes);

    public long Requests => Interlocked.Read(ref _requests);

    public static async Task<TelemetryLoopbackServer> StartAsync()
    {
        var server = new TelemetryLoopbackServer();
        (server._app, var endpoint) = await LoopbackApp.StartAsync(app => app.Run(server.ReceiveAsync)).ConfigureAwait(false);
        server.Endpoint = new Uri(endpoint + "/");
        return server;
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer).ConfigureAwait(false);
        Interlocked.Add(ref _bytes, buffer.Length);
        Interlocked.Increment(ref _requests);
        if (context.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal))
        {
            context.Response.ContentType = "application/x-protobuf";
            return;
        }

        buffer.Position = 0;
        var text = context.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase)
            ? await new StreamReader(new GZipStream(buffer, CompressionMode.Decompress), Encoding.UTF8).ReadToEndAsync().ConfigureAwait(false)
            : Encoding.UTF8.GetString(buffer.ToArray());
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (context.Request.Path.Value?.Contains("track", StringComparison.OrdinalIgnoreCase) == true)
        {
            foreach (var line in lines)
            {
                Envelopes.Enqueue(line);
            }
        }

        await context.Response.WriteAsJsonAsync(new { itemsReceived = lines.Length, itemsAccepted = lines.Length, errors = Array.Empty<object>() }).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => LoopbackApp.StopAsync(_app);
}
