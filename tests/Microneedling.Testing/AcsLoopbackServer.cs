using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Microneedling.Testing;

/// <summary>
/// A loopback HTTP server that speaks the ACS Email protocol: it checks the HMAC-SHA256 signature
/// and content hash of every request with its own key, answers sends with 202 and an operation,
/// answers status lookups, delivers each Operation-Id once however often it is retried, and can
/// be told to fail the next requests (429 with Retry-After, 503).
/// </summary>
public sealed class AcsLoopbackServer : IAsyncDisposable
{
    public static readonly byte[] Key = Encoding.UTF8.GetBytes("loopback-acs-access-key-for-tests-only-0123456789");

    private readonly ConcurrentQueue<(int Status, int? RetryAfterSeconds)> _failures = new();
    private WebApplication _app = null!;

    public Uri Endpoint { get; private set; } = null!;

    public string ConnectionString => $"endpoint={Endpoint};accesskey={Convert.ToBase64String(Key)}";

    /// <summary>Every send request that passed authentication, retries included.</summary>
    public ConcurrentQueue<ReceivedSend> Attempts { get; } = new();

    /// <summary>Emails delivered: one per Operation-Id.</summary>
    public ConcurrentDictionary<Guid, ReceivedSend> Delivered { get; } = new();

    public int Rejected => _rejected;

    private int _rejected;

    public static async Task<AcsLoopbackServer> StartAsync()
    {
        var server = new AcsLoopbackServer();
        (server._app, server.Endpoint) = await LoopbackApp.StartAsync(app =>
        {
            app.MapPost("/emails:send", (Delegate)((HttpContext context) => server.SendAsync(context)));
            app.MapGet("/emails/operations/{id}", (string id) => Guid.TryParse(id, out var g) && server.Delivered.ContainsKey(g)
                ? Results.Json(new { id, status = "Succeeded" })
                : Results.Json(new { error = new { code = "NotFound", message = "No such operation." } }, statusCode: 404));
        }).ConfigureAwait(false);
        return server;
    }

    /// <summary>The next requests fail with these statuses, in order.</summary>
    public void FailNext(int status, int? retryAfterSeconds = null) => _failures.Enqueue((status, retryAfterSeconds));

    private async Task<IResult> SendAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer).ConfigureAwait(false);
        var body = buffer.ToArray();
        if (!Authentic(context.Request, body, out var problem))
        {
            Interlocked.Increment(ref _rejected);
            return Results.Json(new { error = new { code = "Denied", message = problem } }, statusCode: 401);
        }

        if (!Guid.TryParse(context.Request.Headers["Operation-Id"].ToString(), out var operationId))
        {
            return Results.Json(new { error = new { code = "BadRequest", message = "Operation-Id must be a GUID." } }, statusCode: 400);
        }

        var received = new ReceivedSend(operationId, JsonDocument.Parse(body).RootElement.Clone(), context.Request.Headers["x-ms-date"].ToString());
        Attempts.Enqueue(received);
        if (_failures.TryDequeue(out var failure))
        {
            if (failure.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            var code = failure.Status switch { 429 => "TooManyRequests", 400 => "BadRequest", 503 => "ServiceUnavailable", _ => "Error" };
            return Results.Json(new { error = new { code, message = "The test told the server to fail this request." } }, statusCode: failure.Status);
        }

        Delivered.TryAdd(operationId, received);
        context.Response.Headers["Operation-Location"] = $"{Endpoint}emails/operations/{operationId}?api-version=2025-09-01";
        return Results.Json(new { id = operationId.ToString(), status = "Running" }, statusCode: 202);
    }

    private static bool Authentic(HttpRequest request, byte[] body, out string problem)
    {
        var hash = Convert.ToBase64String(SHA256.HashData(body));
        if (request.Headers["x-ms-content-sha256"].ToString() != hash)
        {
            problem = "The content hash does not match the body.";
            return false;
        }

        var date = request.Headers["x-ms-date"].ToString();
        var toSign = $"{request.Method}\n{request.Path}{request.QueryString}\n{date};{request.Host};{hash}";
        var expected = "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=" + Convert.ToBase64String(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(toSign)));
        problem = "The signature does not match.";
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(request.Headers.Authorization.ToString()), Encoding.UTF8.GetBytes(expected));
    }

    public ValueTask DisposeAsync() => LoopbackApp.StopAsync(_app);
}

public sealed record ReceivedSend(Guid OperationId, JsonElement Body, string Date);
