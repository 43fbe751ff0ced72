using System.Collections.Concurrent;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microneedling.Testing;

namespace Microneedling.Tables.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableWriteCoalescerTests(AzuriteFixture azurite) : AzuriteTableTest(azurite)
{
    private readonly HoldFirstRequest _wire = new();

    private TableWriteCoalescer Coalescer { get; set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var options = new TableClientOptions();
        options.AddPolicy(_wire, HttpPipelinePosition.PerCall);
        Coalescer = new TableWriteCoalescer(new TableServiceClient(Azurite.ConnectionString, options).GetTableClient(Table.Name));
    }

    [Fact]
    public async Task A_lone_write_goes_at_once_as_a_plain_request()
    {
        _wire.Release();

        await Coalescer.AddEntityAsync(new TableEntity("p", "a"));
        await Coalescer.DeleteEntityAsync("p", "a");

        Assert.Equal(["POST /" + Table.Name, $"DELETE /{Table.Name}(PartitionKey='p',RowKey='a')"], _wire.Sent);
    }

    [Fact]
    public async Task Writes_queued_behind_one_in_flight_go_together_in_transactions_of_at_most_100()
    {
        var first = Coalescer.AddEntityAsync(new TableEntity("p", "first"));
        await _wire.FirstArrived;
        var queued = Enumerable.Range(0, 150).Select(i => Coalescer.AddEntityAsync(new TableEntity("p", $"r{i:D3}"))).ToList();

        _wire.Release();
        await Task.WhenAll([first, .. queued]);

        Assert.Equal(["POST /" + Table.Name, "POST /$batch", "POST /$batch"], _wire.Sent);
        Assert.Equal(151, (await Table.QueryAsync<TableEntity>().ToListAsync()).Count);
    }

    [Fact]
    public async Task A_conflict_fails_only_its_own_write()
    {
        await Table.AddEntityAsync(new TableEntity("p", "taken"));
        var first = Coalescer.AddEntityAsync(new TableEntity("p", "first"));
        await _wire.FirstArrived;
        var before = Coalescer.AddEntityAsync(new TableEntity("p", "before"));
        var conflicting = Coalescer.AddEntityAsync(new TableEntity("p", "taken") { ["Mine"] = true });
        var missing = Coalescer.DeleteEntityAsync("p", "never-written");
        var after = Coalescer.AddEntityAsync(new TableEntity("p", "after"));

        _wire.Release();

        await Task.WhenAll(first, before, after);
        Assert.Equal(409, (await Assert.ThrowsAsync<RequestFailedException>(() => conflicting)).Status);
        Assert.Equal(404, (await Assert.ThrowsAsync<RequestFailedException>(() => missing)).Status);
        Assert.Equal(["after", "before", "first", "taken"], (await Table.QueryAsync<TableEntity>().ToListAsync()).Select(e => e.RowKey));
        Assert.False((await Table.GetEntityAsync<TableEntity>("p", "taken")).Value.ContainsKey("Mine"));
    }

    [Fact]
    public async Task An_entity_the_client_cannot_store_fails_only_its_own_write()
    {
        var first = Coalescer.AddEntityAsync(new TableEntity("p", "first"));
        await _wire.FirstArrived;
        var before = Coalescer.AddEntityAsync(new TableEntity("p", "before"));
        var oversized = Coalescer.AddEntityAsync(new TableEntity("p", "oversized") { ["Text"] = new string('x', 40_000) });
        var after = Coalescer.AddEntityAsync(new TableEntity("p", "after"));

        _wire.Release();

        await Task.WhenAll(first, before, after);
        await Assert.ThrowsAsync<ArgumentException>(() => oversized);
        Assert.Equal(["after", "before", "first"], (await Table.QueryAsync<TableEntity>().ToListAsync()).Select(e => e.RowKey));
    }

    [Fact]
    public async Task Writes_to_one_row_keep_their_order_in_separate_requests()
    {
        var first = Coalescer.AddEntityAsync(new TableEntity("p", "first"));
        await _wire.FirstArrived;
        var add = Coalescer.AddEntityAsync(new TableEntity("p", "x"));
        var other = Coalescer.AddEntityAsync(new TableEntity("p", "y"));
        var delete = Coalescer.DeleteEntityAsync("p", "x");

        _wire.Release();
        await Task.WhenAll(first, add, other, delete);

        Assert.Equal(["first", "y"], (await Table.QueryAsync<TableEntity>().ToListAsync()).Select(e => e.RowKey));
        Assert.Equal(["POST /" + Table.Name, "POST /$batch", $"DELETE /{Table.Name}(PartitionKey='p',RowKey='x')"], _wire.Sent);
    }

    [Fact]
    public async Task Another_partition_does_not_wait_for_a_busy_one()
    {
        var held = Coalescer.AddEntityAsync(new TableEntity("busy", "a"));
        await _wire.FirstArrived;

        await Coalescer.AddEntityAsync(new TableEntity("idle", "a")).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(held.IsCompleted);
        _wire.Release();
        await held;
    }

    [Fact]
    public async Task A_transaction_that_never_reached_the_service_fails_every_write_in_it()
    {
        var first = Coalescer.AddEntityAsync(new TableEntity("p", "first"));
        await _wire.FirstArrived;
        var queued = Enumerable.Range(0, 3).Select(i => Coalescer.AddEntityAsync(new TableEntity("p", $"r{i}"))).ToList();
        _wire.FailBatches = true;

        _wire.Release();

        await first;
        foreach (var write in queued)
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => write);
        }

        Assert.Equal(["first"], (await Table.QueryAsync<TableEntity>().ToListAsync()).Select(e => e.RowKey));
    }

    /// <summary>Records each request's method and path, holds the first until released, and can fail transactions on the way out.</summary>
    private sealed class HoldFirstRequest : HttpPipelinePolicy
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
            if (Interlocked.Increment(ref _count) == 1)
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
}
