using Azure;
using Azure.Data.Tables;
using Microneedling.Storage.Tables;
using Microneedling.Testing;

namespace Microneedling.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableWriteCoalescerTests(AzuriteFixture azurite) : WiredTableTest(azurite, holdFirst: true)
{
    private TableWriteCoalescer? _coalescer;

    private TableWriteCoalescer Coalescer => _coalescer ??= new TableWriteCoalescer(new GuardedTable(WiredTable));

    [Fact]
    public async Task A_lone_write_goes_at_once_as_a_plain_request()
    {
        Wire.Release();

        await Coalescer.AddAsync(new TableEntity("p", "a"));
        await Coalescer.DeleteAsync("p", "a");

        Assert.Equal(["POST /" + Table.Name, $"DELETE /{Table.Name}(PartitionKey='p',RowKey='a')"], Wire.Sent);
    }

    [Fact]
    public async Task Writes_queued_behind_one_in_flight_go_together_in_transactions_of_at_most_100()
    {
        var first = Coalescer.AddAsync(new TableEntity("p", "first"));
        await Wire.FirstArrived;
        var queued = Enumerable.Range(0, 150).Select(i => Coalescer.AddAsync(new TableEntity("p", $"r{i:D3}"))).ToList();

        Wire.Release();
        await Task.WhenAll([first, .. queued]);

        Assert.Equal(["POST /" + Table.Name, "POST /$batch", "POST /$batch"], Wire.Sent);
        Assert.Equal(151, await CountAsync());
    }

    [Fact]
    public async Task A_conflict_fails_only_its_own_write_and_a_missing_delete_is_no_failure()
    {
        await Table.AddEntityAsync(new TableEntity("p", "taken"));
        var first = Coalescer.AddAsync(new TableEntity("p", "first"));
        await Wire.FirstArrived;
        var before = Coalescer.AddAsync(new TableEntity("p", "before"));
        var conflicting = Coalescer.AddAsync(new TableEntity("p", "taken") { ["Mine"] = true });
        var missing = Coalescer.DeleteAsync("p", "never-written");
        var after = Coalescer.AddAsync(new TableEntity("p", "after"));

        Wire.Release();

        await Task.WhenAll(first, before, missing, after);
        Assert.Equal(409, (await Assert.ThrowsAsync<RequestFailedException>(() => conflicting)).Status);
        Assert.Equal(["after", "before", "first", "taken"], await RowsAsync());
        Assert.False((await Table.GetEntityAsync<TableEntity>("p", "taken")).Value.ContainsKey("Mine"));
    }

    [Fact]
    public async Task An_entity_azure_would_refuse_fails_only_its_own_write_before_anything_is_sent()
    {
        var first = Coalescer.AddAsync(new TableEntity("p", "first"));
        await Wire.FirstArrived;
        var before = Coalescer.AddAsync(new TableEntity("p", "before"));
        var oversized = Coalescer.AddAsync(new TableEntity("p", "oversized") { ["Text"] = new string('x', 40_000) });
        var badKey = Coalescer.AddAsync(new TableEntity("p", "a/b"));
        var after = Coalescer.AddAsync(new TableEntity("p", "after"));

        Wire.Release();

        await Task.WhenAll(first, before, after);
        await Assert.ThrowsAsync<ArgumentException>(() => oversized);
        await Assert.ThrowsAsync<ArgumentException>(() => badKey);
        Assert.Equal(["after", "before", "first"], await RowsAsync());
        Assert.Equal(["POST /" + Table.Name, "POST /$batch"], Wire.Sent);
    }

    [Fact]
    public async Task Writes_to_one_row_keep_their_order_in_separate_requests()
    {
        var first = Coalescer.AddAsync(new TableEntity("p", "first"));
        await Wire.FirstArrived;
        var add = Coalescer.AddAsync(new TableEntity("p", "x"));
        var other = Coalescer.AddAsync(new TableEntity("p", "y"));
        var delete = Coalescer.DeleteAsync("p", "x");

        Wire.Release();
        await Task.WhenAll(first, add, other, delete);

        Assert.Equal(["first", "y"], await RowsAsync());
        Assert.Equal(["POST /" + Table.Name, "POST /$batch", $"DELETE /{Table.Name}(PartitionKey='p',RowKey='x')"], Wire.Sent);
    }

    [Fact]
    public async Task Another_partition_does_not_wait_for_a_busy_one()
    {
        var held = Coalescer.AddAsync(new TableEntity("busy", "a"));
        await Wire.FirstArrived;

        await Coalescer.AddAsync(new TableEntity("idle", "a")).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(held.IsCompleted);
        Wire.Release();
        await held;
    }

    [Fact]
    public async Task A_transaction_that_never_reached_the_service_fails_every_write_in_it()
    {
        var first = Coalescer.AddAsync(new TableEntity("p", "first"));
        await Wire.FirstArrived;
        var queued = Enumerable.Range(0, 3).Select(i => Coalescer.AddAsync(new TableEntity("p", $"r{i}"))).ToList();
        Wire.FailBatches = true;

        Wire.Release();

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
        await foreach (var e in Table.QueryAsync<TableEntity>())
        {
            rows.Add(e.RowKey);
        }

        return rows;
    }

    private async Task<int> CountAsync() => (await RowsAsync()).Count;
}
