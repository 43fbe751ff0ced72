using Azure;
using Microneedling.Testing;

namespace Microneedling.Tables.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class EntityOperationTests(AzuriteFixture azurite) : AzuriteTableTest(azurite)
{
    private static SampleEntity Sample(string pk = "p1", string rk = "r1") => new()
    {
        PartitionKey = pk,
        RowKey = rk,
        Text = "Zoë's scar plan; \"quoted\" \\ 日本",
        Flag = true,
        Count = -7,
        Big = long.MaxValue - 1,
        Ratio = 0.1 + 0.2,
        When = new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.FromHours(1)),
        Id = Guid.NewGuid(),
        Bytes = [0, 1, 2, 255],
        Severity = Severity.Severe,
    };

    [Fact]
    public async Task Creating_an_existing_table_is_not_an_error()
    {
        var again = await Table.CreateIfNotExistsAsync();

        Assert.Equal(409, again.Status);
    }

    [Fact]
    public async Task Every_supported_type_round_trips()
    {
        var sample = Sample();
        await Table.AddEntityAsync(sample);

        var stored = (await Table.GetEntityAsync<SampleEntity>("p1", "r1")).Value;

        Assert.Equal(sample.Text, stored.Text);
        Assert.True(stored.Flag);
        Assert.Equal(-7, stored.Count);
        Assert.Equal(long.MaxValue - 1, stored.Big);
        Assert.Equal(0.1 + 0.2, stored.Ratio);
        Assert.Equal(sample.When, stored.When);
        Assert.Equal(TimeSpan.Zero, stored.When.Offset);
        Assert.Null(stored.Maybe);
        Assert.Equal(sample.Id, stored.Id);
        Assert.Equal(sample.Bytes, stored.Bytes);
        Assert.Equal(Severity.Severe, stored.Severity);
        Assert.Null(stored.OptionalCount);
        Assert.Equal("not stored", stored.Ignored);
        Assert.NotEqual(default, stored.ETag);
        Assert.NotNull(stored.Timestamp);
    }

    [Fact]
    public async Task The_dynamic_entity_reads_typed_values_from_annotations()
    {
        await Table.AddEntityAsync(Sample());

        var stored = (await Table.GetEntityAsync<TableEntity>("p1", "r1")).Value;

        Assert.Equal(long.MaxValue - 1, stored.GetInt64("Big"));
        Assert.Equal(-7, stored.GetInt32("Count"));
        Assert.IsType<Guid>(stored["Id"]);
        Assert.IsType<DateTimeOffset>(stored["When"]);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, stored.GetBinary("Bytes"));
        Assert.Equal("Severe", stored.GetString("Severity"));
        Assert.False(stored.ContainsKey("Ignored"));
    }

    [Fact]
    public async Task A_duplicate_insert_fails_with_409_entity_already_exists()
    {
        await Table.AddEntityAsync(Sample());

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Table.AddEntityAsync(Sample()));

        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
    }

    [Fact]
    public async Task Reading_a_missing_entity_fails_with_404_or_says_absent()
    {
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Table.GetEntityAsync<SampleEntity>("p1", "nope"));
        var maybe = await Table.GetEntityIfExistsAsync<SampleEntity>("p1", "nope");

        Assert.Equal(404, error.Status);
        Assert.Equal("ResourceNotFound", error.ErrorCode);
        Assert.False(maybe.HasValue);
        Assert.Equal(404, maybe.GetRawResponse().Status);
    }

    [Fact]
    public async Task An_update_with_a_stale_etag_fails_with_412_and_changes_nothing()
    {
        await Table.AddEntityAsync(Sample());
        var first = (await Table.GetEntityAsync<SampleEntity>("p1", "r1")).Value;
        first.Count = 1;
        await Table.UpdateEntityAsync(first, first.ETag);

        first.Count = 2;
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Table.UpdateEntityAsync(first, first.ETag));

        Assert.Equal(412, error.Status);
        Assert.Equal("UpdateConditionNotSatisfied", error.ErrorCode);
        Assert.Equal(1, (await Table.GetEntityAsync<SampleEntity>("p1", "r1")).Value.Count);
    }

    [Fact]
    public async Task An_update_returns_the_new_etag()
    {
        var added = await Table.AddEntityAsync(Sample());
        var stored = (await Table.GetEntityAsync<SampleEntity>("p1", "r1")).Value;

        var updated = await Table.UpdateEntityAsync(stored, stored.ETag, TableUpdateMode.Replace);

        Assert.Equal(added.Headers.ETag, stored.ETag);
        Assert.NotEqual(stored.ETag, updated.Headers.ETag);
        Assert.Equal(updated.Headers.ETag, (await Table.GetEntityAsync<SampleEntity>("p1", "r1")).Value.ETag);
    }

    [Fact]
    public async Task Merge_keeps_absent_properties_and_replace_removes_them()
    {
        await Table.AddEntityAsync(new TableEntity("p", "merge") { ["A"] = "a", ["B"] = "b" });
        await Table.AddEntityAsync(new TableEntity("p", "replace") { ["A"] = "a", ["B"] = "b" });

        await Table.UpdateEntityAsync(new TableEntity("p", "merge") { ["A"] = "A2" }, ETag.All, TableUpdateMode.Merge);
        await Table.UpdateEntityAsync(new TableEntity("p", "replace") { ["A"] = "A2" }, ETag.All, TableUpdateMode.Replace);

        var merged = (await Table.GetEntityAsync<TableEntity>("p", "merge")).Value;
        var replaced = (await Table.GetEntityAsync<TableEntity>("p", "replace")).Value;
        Assert.Equal(("A2", "b"), (merged.GetString("A"), merged.GetString("B")));
        Assert.Equal(("A2", false), (replaced.GetString("A"), replaced.ContainsKey("B")));
    }

    [Fact]
    public async Task Upsert_inserts_then_updates_without_an_etag()
    {
        await Table.UpsertEntityAsync(new TableEntity("p", "u") { ["N"] = 1 });
        await Table.UpsertEntityAsync(new TableEntity("p", "u") { ["N"] = 2 }, TableUpdateMode.Replace);

        Assert.Equal(2, (await Table.GetEntityAsync<TableEntity>("p", "u")).Value.GetInt32("N"));
    }

    [Fact]
    public async Task Delete_honours_the_etag()
    {
        await Table.AddEntityAsync(Sample());
        var stored = (await Table.GetEntityAsync<SampleEntity>("p1", "r1")).Value;
        await Table.UpdateEntityAsync(stored, stored.ETag);

        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => Table.DeleteEntityAsync("p1", "r1", stored.ETag));
        var fresh = (await Table.GetEntityAsync<SampleEntity>("p1", "r1")).Value;
        await Table.DeleteEntityAsync("p1", "r1", fresh.ETag);

        Assert.Equal(412, stale.Status);
        Assert.False((await Table.GetEntityIfExistsAsync<SampleEntity>("p1", "r1")).HasValue);
        Assert.Equal(404, (await Assert.ThrowsAsync<RequestFailedException>(() => Table.DeleteEntityAsync("p1", "r1"))).Status);
    }

    [Theory]
    [InlineData("O'Brien", "it''s")]
    [InlineData("Zoë", "日本語-ключ")]
    [InlineData("a b+c%20d", "emoji-😀")]
    [InlineData("(paren)", "'")]
    public async Task Keys_with_quotes_and_non_ascii_work_for_every_operation(string pk, string rk)
    {
        await Table.AddEntityAsync(new TableEntity(pk, rk) { ["V"] = 1 });

        var read = (await Table.GetEntityAsync<TableEntity>(pk, rk)).Value;
        await Table.UpdateEntityAsync(new TableEntity(pk, rk) { ["V"] = 2 }, read.ETag);
        var queried = await Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey eq {rk}")).ToListAsync();
        await Table.DeleteEntityAsync(pk, rk);

        Assert.Equal((pk, rk), (read.PartitionKey, read.RowKey));
        Assert.Equal(2, Assert.Single(queried).GetInt32("V"));
        Assert.False((await Table.GetEntityIfExistsAsync<TableEntity>(pk, rk)).HasValue);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("tab\there")]
    [InlineData("\u0085next-line")]
    public async Task Keys_azure_forbids_are_refused_before_sending(string key)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Table.AddEntityAsync(new TableEntity("p", key)));

        Assert.Contains("RowKey", error.Message, StringComparison.Ordinal);
        Assert.Empty(await Table.QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task A_key_longer_than_azure_allows_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Table.AddEntityAsync(new TableEntity(new string('k', 513), "r")));
        await Table.AddEntityAsync(new TableEntity(new string('k', 512), "r"));
    }

    [Fact]
    public async Task Unsupported_property_types_are_refused()
    {
        await Assert.ThrowsAsync<NotSupportedException>(() => Table.AddEntityAsync(new TableEntity("p", "r") { ["D"] = 1.5m }));
        await Assert.ThrowsAsync<ArgumentException>(() => Table.AddEntityAsync(new TableEntity("p", "r") { ["Bad Name"] = 1 }));
    }
}

internal static class AsyncPageableExtensions
{
    public static async Task<List<T>> ToListAsync<T>(this AsyncPageable<T> pageable)
        where T : notnull
    {
        var list = new List<T>();
        await foreach (var item in pageable)
        {
            list.Add(item);
        }

        return list;
    }
}
