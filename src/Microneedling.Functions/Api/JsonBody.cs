using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microneedling.Functions.Api;

/// <summary>
/// Reads a JSON request body strictly: JSON content type, bounded size, unknown fields and wrong
/// types refused with the path of the offending field.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 32 * 1024;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        NumberHandling = JsonNumberHandling.Strict,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    /// <summary>The body as <typeparamref name="T"/> and its raw bytes (what an Idempotency-Key is compared on).</summary>
    public static async Task<(T? Value, byte[] Raw, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return (null, [], Problems.Of(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Send the body as application/json."));
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, [], TooLarge());
        }

        byte[] raw;
        try
        {
            using var limited = new LimitedStream(request.Body, MaxBytes);
            using var buffer = new MemoryStream();
            await limited.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            raw = buffer.ToArray();
        }
        catch (LimitedStream.TooLargeException)
        {
            return (null, [], TooLarge());
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(raw, Options);
            return value is null
                ? (null, raw, Problems.Validation(new Dictionary<string, string[]> { ["$"] = ["The body must be a JSON object."] }))
                : (value, raw, null);
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
            return (null, raw, Problems.Validation(new Dictionary<string, string[]> { [path] = [Describe(ex)] }));
        }
    }

    private static ProblemHttpResult TooLarge() =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "body-too-large", $"The body may be at most {MaxBytes / 1024} KB.");

    private static string Describe(JsonException ex) =>
        ex.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "is not a known field."
        : ex.Message.Contains("missing required", StringComparison.Ordinal) ? ex.Message.Split(" Path:")[0]
        : ex.Message.Contains("null", StringComparison.OrdinalIgnoreCase) && ex.Message.Contains("non-nullable", StringComparison.OrdinalIgnoreCase) ? "must not be null."
        : ex.InnerException is not null || ex.Message.Contains("could not be converted", StringComparison.Ordinal) ? "has the wrong type."
        : "is not valid JSON here.";

    /// <summary>Stops reading past a limit even when no Content-Length was sent (chunked bodies).</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            _read += n;
            return _read > limit ? throw new TooLargeException() : n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read the body asynchronously.");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public sealed class TooLargeException : Exception
        {
            public TooLargeException()
                : base("The request body is too large.")
            {
            }

            public TooLargeException(string message)
                : base(message)
            {
            }

            public TooLargeException(string message, Exception inner)
                : base(message, inner)
            {
            }
        }
    }
}
