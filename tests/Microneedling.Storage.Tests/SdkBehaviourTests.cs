using Azure;
using Azure.Data.Tables;
using Microneedling.Storage.Tables;
using Microneedling.Testing;

namespace Microneedling.Storage.Tests;

/// <summary>
/// Where Azure.Data.Tables behaves differently from the client it replaced, pinned before Storage
/// relies on it: deletes of missing rows, what it does with an entity it cannot serialise,
/// transaction results and their ETags.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SdkBehaviourTests(AzuriteFixture azurite) : WiredTableTest(azurite)
{
    [Fact]
    public async Task Deleting_a_missing_entity_returns_its_404_instead_of_throwing()
    {
        var response = await WiredTable.DeleteEntityAsync("p", "never-written");

        Assert.Equal(404, response.Status);
        Assert.Equal(404, (await new GuardedTable(WiredTable).DeleteAsync("p", "never-written", default, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task A_stale_conditional_delete_still_throws_412()
    {
        await WiredTable.AddEntityAsync(new TableEntity("p", "a"));
        var stale = (await WiredTable.GetEntityAsync<TableEntity>("p", "a")).Value.ETag;
        await WiredTable.UpdateEntityAsync(new TableEntity("p", "a") { ["V"] = 1 }, ETag.All, TableUpdateMode.Replace);

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => WiredTable.DeleteEntityAsync("p", "a", stale));

        Assert.Equal(412, failure.Status);
    }

    [Fact]
    public async Task A_transaction_deleting_a_missing_entity_fails_whole_and_names_the_action()
    {
        var failure = await Assert.ThrowsAsync<TableTransactionFailedException>(() => WiredTable.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "b")),
            new(TableTransactionActionType.Delete, new TableEntity("p", "never-written"), ETag.All),
        ]));

        Assert.Equal((404, 1), (failure.Status, failure.FailedTransactionActionIndex));
        Assert.False((await WiredTable.GetEntityIfExistsAsync<TableEntity>("p", "b")).HasValue);
    }

    [Fact]
    public async Task A_stale_etag_fails_the_transaction_with_412_naming_the_action()
    {
        await WiredTable.AddEntityAsync(new TableEntity("p", "a"));
        var read = (await WiredTable.GetEntityAsync<TableEntity>("p", "a")).Value;
        await WiredTable.UpdateEntityAsync(new TableEntity("p", "a") { ["V"] = 1 }, read.ETag, TableUpdateMode.Replace);

        var failure = await Assert.ThrowsAsync<TableTransactionFailedException>(() => WiredTable.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "b")),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "a") { ["V"] = 2 }, read.ETag),
        ]));

        Assert.Equal((412, 1), (failure.Status, failure.FailedTransactionActionIndex));
        Assert.True(BookingsConcurrency(failure));
    }

    [Fact]
    public async Task Transaction_results_carry_each_written_rows_new_etag_in_action_order()
    {
        await WiredTable.AddEntityAsync(new TableEntity("p", "a"));
        var read = (await WiredTable.GetEntityAsync<TableEntity>("p", "a")).Value;
        await WiredTable.AddEntityAsync(new TableEntity("p", "gone"));

        var results = (await WiredTable.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "b") { ["V"] = 1 }),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "a") { ["V"] = 2 }, read.ETag),
            new(TableTransactionActionType.Delete, new TableEntity("p", "gone"), ETag.All),
        ])).Value;

        Assert.Equal([204, 204, 204], results.Select(r => r.Status));
        Assert.Equal((await WiredTable.GetEntityAsync<TableEntity>("p", "b")).Value.ETag, results[0].Headers.ETag);
        Assert.Equal((await WiredTable.GetEntityAsync<TableEntity>("p", "a")).Value.ETag, results[1].Headers.ETag);
        Assert.NotEqual(read.ETag, results[1].Headers.ETag);
    }

    [Fact]
    public async Task Single_writes_return_the_etag_a_read_then_sees()
    {
        var added = await WiredTable.AddEntityAsync(new TableEntity("p", "a") { ["V"] = 1 });
        Assert.Equal((await WiredTable.GetEntityAsync<TableEntity>("p", "a")).Value.ETag, added.Headers.ETag);

        var replaced = await WiredTable.UpdateEntityAsync(new TableEntity("p", "a") { ["V"] = 2 }, added.Headers.ETag!.Value, TableUpdateMode.Replace);
        Assert.Equal((await WiredTable.GetEntityAsync<TableEntity>("p", "a")).Value.ETag, replaced.Headers.ETag);
    }

    /// <summary>What the coalescer's fallback must catch to resend a group one write at a time: refusals in the client, before anything is sent, alone or in a transaction.</summary>
    [Theory]
    [MemberData(nameof(Unserialisable))]
    public async Task An_entity_the_sdk_cannot_serialise_fails_in_the_client_alone_and_in_a_transaction(string property, Type expected)
    {
        var value = UnserialisableValues[property];

        var single = await Record.ExceptionAsync(() => WiredTable.AddEntityAsync(new TableEntity("p", "a") { [property] = value }));
        var inTransaction = await Record.ExceptionAsync(() => WiredTable.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "b")),
            new(TableTransactionActionType.Add, new TableEntity("p", "c") { [property] = value }),
        ]));

        Assert.IsType(expected, single);
        Assert.IsType(expected, inTransaction);
        Assert.Empty(Wire.Sent);
    }

    [Fact]
    public async Task A_value_the_service_refuses_fails_there_with_400()
    {
        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => WiredTable.AddEntityAsync(new TableEntity("p", "a") { ["List"] = new List<string> { "x" } }));

        Assert.Equal(400, failure.Status);
    }

    /// <summary>Types the SDK stores without complaint (as an ISO duration or a JSON number) but that have no Table Storage column type: the guard refuses them before sending.</summary>
    [Fact]
    public async Task The_guard_refuses_types_the_sdk_would_store_without_a_column_type()
    {
        await WiredTable.AddEntityAsync(new TableEntity("p", "sdk") { ["Duration"] = TimeSpan.FromMinutes(45), ["Price"] = 12.5m });
        var guarded = new GuardedTable(WiredTable);

        await Assert.ThrowsAsync<NotSupportedException>(() => guarded.AddAsync(new TableEntity("p", "a") { ["Duration"] = TimeSpan.FromMinutes(45) }, CancellationToken.None));
        await Assert.ThrowsAsync<NotSupportedException>(() => guarded.AddAsync(new TableEntity("p", "b") { ["Price"] = 12.5m }, CancellationToken.None));
        await Assert.ThrowsAsync<NotSupportedException>(() => guarded.AddAsync(new WithDuration { PartitionKey = "p", RowKey = "c" }, CancellationToken.None));
        Assert.Equal("PT45M", (await WiredTable.GetEntityAsync<TableEntity>("p", "sdk")).Value.GetString("Duration"));
    }

    public static TheoryData<string, Type> Unserialisable() => new()
    {
        { "Array", typeof(NotSupportedException) },
        { "Uri", typeof(NotSupportedException) },
        { "Nested", typeof(NotSupportedException) },
        { "NaN32", typeof(ArgumentException) },
    };

    private static readonly Dictionary<string, object> UnserialisableValues = new()
    {
        ["Array"] = new[] { 1, 2 },
        ["Uri"] = new Uri("https://clinic.example/"),
        ["Nested"] = new Inner(),
        ["NaN32"] = float.NaN,
    };

    public sealed class Inner
    {
        public int A { get; set; } = 1;
    }

    private sealed class WithDuration : Entities.EntityBase
    {
        public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(45);
    }

    private static bool BookingsConcurrency(RequestFailedException ex) => Bookings.BookingRepository.IsConcurrencyFailure(ex);

}
