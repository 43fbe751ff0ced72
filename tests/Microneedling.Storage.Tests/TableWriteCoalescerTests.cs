using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Microneedling.Storage.Tables;
using Microneedling.Testing;

namespace Microneedling.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableWriteCoalescerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly WirePolicy _wire = new(holdFirst: true);
    private TableClient _table = null!;

    private TableWriteCoalescer Coalescer { get; set; } = null!;

    public async Task InitializeAsync()
    {
        var name = "co" + Guid.NewGuid().ToString("N")[..10];
        _table = new TableServiceClient(azurite.ConnectionString).GetTableClient(name);
        await _table.CreateAsync();
        var options = new TableClientOptions();
        options.AddPolicy(_wire, HttpPipelinePosition.PerCall);
        Coalescer = new TableWriteCoalescer(new GuardedTable(new TableServiceClient(azurite.ConnectionString, options).GetTableClient(name)));
    }

    public async Task DisposeAsync() => await _table.DeleteAsync();

    [Fact]
    public async Task A_lone_write_goes_at_once_as_a_plain_request()
    {
        _wire.Release();

        await Coalescer.AddAsync(new TableEntity("p", "a"));
        await Coalescer.DeleteAsync("p", "a");

        Assert.Equal(["POST /" + _table.Name, $"DELETE /{_table.Name}(PartitionKey='p',RowKey='a')"], _wire.Sent);
    }

    [Fact]
    public async Task Writes_queued_behind_one_in_flight_go_together_in_transactions_of_at_most_100()
    {
        var first = Coalescer.AddAsync(new TableEntity("p", "first"));
        await _wire.FirstArrived;
        var queued = Enumerable.Range(0, 150).Select(i => Coalescer.AddAsync(new TableEntity("p", $"r{i:D3}"))).ToList();

        _wire.Release();
        await Task.WhenAll([first, .. queued]);

        Assert.Equal(["POST /" + _table.Name, "POST /$batch", "POST /$batch"], _wire.Sent);
        Assert.Equal(151, await CountAsync());
    }

    [Fact]
    public async Task A_conflict_fails_only_its_own_write_and_a_missing_delete_is_no_failure()
    {
        await _table.AddEntityAsync(new TableEntity("p", "taken"));
        var first = Coalescer.AddAsync(new TableEntity("p", "first"));
        await _wire.FirstArrived;
        var before = Coalescer.AddAsync(new TableEntity("p", "before"));
        var conflicting = Coalescer.AddAsync(new TableEntity("p", "taken") { ["Mine"] = true });
        var missing = Coalescer.DeleteAsync("p", "never-written");
        var after = Coalescer.AddAsync(new TableEntity("p", "after"));

        _wire.Release();

        await Task.WhenAll(first, before, missing, after);
        Assert.Equal(409, (await Assert.ThrowsAsync<RequestFailedException>(() => conflicting)).Status);
        Assert.Equal(["after", "before", "first", "taken"], await RowsAsync());
        Assert.False((await _table.GetEntityAsync<TableEntity>("p", "taken")).Value.ContainsKey("Mine"));
    }

    [Fact]
    public async Task An_entity_azure_would_refuse_fails_only_its_own_write_before_anything_is_sent()
    {
        var first = Coalescer.AddAsync(new TableEntity("p", "first"));
        await _wire.FirstArrived;
        var before = Coalescer.AddAsync(new TableEntity("p", "before"));
        var oversized = Coalescer.AddAsync(new TableEntity("p", "oversized") { ["Text"] = new string('x', 40_000) });
        var badKey = Coalescer.AddAsync(new TableEntity("p", "a/b"));
        var after = Coalescer.AddAsync(new TableEntity("p", "after"));

        _wire.Release();

        await Task.WhenAll(first, before, after);
        await Assert.ThrowsAsync<ArgumentException>(() => oversized);
        await Assert.ThrowsAsync<ArgumentException>(() => badKey);
        Assert.Equal(["after", "before", "first"], await RowsAsync());
        Assert.Equal(["POST /" + _table.Name, "POST /$batch"], _wire.Sent);
    }

    [Fact]
    public async Task Writes_to_one_row_keep_their_order_in_separate_requests()
    {
        var first = Coalescer.AddAsync(new TableEntity("p", "first"));
        await _wire.FirstArrived;
        var add = Coalescer.AddAsync(new TableEntity("p", "x"));
        var other = Coalescer.AddAsync(new TableEntity("p", "y"));
        var delete = Coalescer.DeleteAsync("p", "x");

        _wire.Release();
        await Task.WhenAll(first, add, other, delete);

        Assert.Equal(["first", "y"], await RowsAsync());
        Assert.Equal(["POST /" + _table.Name, "POST /$batch", $"DELETE /{_table.Name}(PartitionKey='p',RowKey='x')"], _wire.Sent);
    }

    [Fact]
    public async Task Another_partition_does_not_wait_for_a_busy_one()
    {
        var held = Coalescer.AddAsync(new TableEntity("busy", "a"));
        await _wire.FirstArrived;

        await Coalescer.AddAsync(new TableEntity("idle", "a")).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(held.IsCompleted);
        _wire.Release();
        await held;
    }

    [Fact]
    public async Task A_transaction_that_never_reached_the_service_fails_every_write_in_it()
    {
        var first = Coalescer.AddAsync(new TableEntity("p", "first"));
        await _wire.FirstArrived;
        var queued = Enumerable.Range(0, 3).Select(i => Coalescer.AddAsync(new TableEntity("p", $"r{i}"))).ToList();
        _wire.FailBatches = true;

        _wire.Release();

        await first;
        foreach (var write in queued)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => write);
        }

        Assert.Equal(["first"], await RowsAsync());
    }

    private async Task<List<string>> RowsAsync()
    {
        var rows = new List<string>();
        await foreach (var e in _table.QueryAsync<TableEntity>())
        {
            rows.Add(e.RowKey);
        }

        return rows;
    }

    private async Task<int> CountAsync() => (await RowsAsync()).Count;
}
