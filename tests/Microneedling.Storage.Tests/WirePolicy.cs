using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Microneedling.Storage.Tests;

/// <summary>Records each request's method and path (account and query left out), can hold the first until released, and can fail transactions on the way out.</summary>
public sealed class WirePolicy(bool holdFirst = false) : HttpPipelinePolicy
{
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _sent = new();
    private int _count;

    public Task FirstArrived => _arrived.Task;

    public bool FailBatches { get; set; }

    public IReadOnlyList<string> Sent => [.. _sent];

    public void Release() => _released.TrySetResult();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw new NotSupportedException();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (Interlocked.Increment(ref _count) == 1 && holdFirst)
        {
            _arrived.TrySetResult();
            await _released.Task;
        }

        var path = Uri.UnescapeDataString(message.Request.Uri.ToUri().AbsolutePath);
        if (FailBatches && path.EndsWith("/$batch", StringComparison.Ordinal))
        {
            throw new HttpRequestException("The connection dropped.");
        }

        _sent.Enqueue($"{message.Request.Method} {path[path.IndexOf('/', 1)..]}");
        await ProcessNextAsync(message, pipeline);
    }
}
