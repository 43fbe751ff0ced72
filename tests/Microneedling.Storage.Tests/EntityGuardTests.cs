using Azure.Data.Tables;
using Microneedling.Storage.Entities;
using Microneedling.Storage.Tables;
using Microneedling.Testing;

namespace Microneedling.Storage.Tests;

/// <summary>What Azure refuses but Azurite stores is refused before it is sent, so it fails here and never first in production.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EntityGuardTests(AzuriteFixture azurite) : WiredTableTest(azurite)
{
    private GuardedTable Guarded => new(WiredTable);

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\tb")]
    [InlineData("a\u0085b")]
    public async Task A_key_azure_forbids_is_refused_before_sending(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Guarded.AddAsync(new TableEntity("p", key), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Guarded.AddAsync(new TableEntity(key, "r"), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Guarded.DeleteAsync("p", key, default, CancellationToken.None));

        Assert.Empty(Wire.Sent);
        Assert.False(TableKeys.IsValidKey(key));
    }

    [Fact]
    public async Task A_key_longer_than_azure_allows_is_refused_and_one_at_the_limit_is_stored()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Guarded.AddAsync(new TableEntity("p", new string('k', TableKeys.MaxKeyLength + 1)), CancellationToken.None));
        Assert.Empty(Wire.Sent);

        await Guarded.AddAsync(new TableEntity("p", new string('k', TableKeys.MaxKeyLength)), CancellationToken.None);
    }

    [Theory]
    [InlineData("1st")]
    [InlineData("with-dash")]
    [InlineData("with space")]
    [InlineData("")]
    public async Task A_property_name_azure_refuses_is_refused(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Guarded.AddAsync(new TableEntity("p", "r") { [name] = 1 }, CancellationToken.None));

        Assert.Empty(Wire.Sent);
    }

    [Fact]
    public async Task More_than_252_properties_are_refused()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i <= TableKeys.MaxCustomProperties; i++)
        {
            entity[$"P{i}"] = i;
        }

        await Assert.ThrowsAsync<ArgumentException>(() => Guarded.AddAsync(entity, CancellationToken.None));
        Assert.Empty(Wire.Sent);
    }

    [Fact]
    public async Task A_string_over_64_kib_is_refused_in_a_bag_and_in_a_typed_entity()
    {
        var text = new string('x', EntityGuard.MaxStringLength + 1);

        await Assert.ThrowsAsync<ArgumentException>(() => Guarded.AddAsync(new TableEntity("p", "r") { ["Text"] = text }, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Guarded.AddAsync(new ReceiptEntity { PartitionKey = "p", RowKey = "r", Body = text }, CancellationToken.None));

        Assert.Empty(Wire.Sent);
    }

    /// <summary>A date left unset (0001-01-01) is stored by Azurite and refused by Azure (Edm.DateTime starts in 1601).</summary>
    [Fact]
    public async Task A_date_before_1601_is_refused_though_azurite_would_store_it()
    {
        var unset = new IntakeEntity { Id = "in_1" };
        await Table.AddEntityAsync(unset);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Guarded.AddAsync(new IntakeEntity { Id = "in_2" }, CancellationToken.None));

        Assert.Contains("CreatedAt", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Wire.Sent);
    }

    [Fact]
    public async Task A_transaction_over_two_partitions_is_refused_though_azurite_would_run_it()
    {
        await Table.SubmitTransactionAsync([new(TableTransactionActionType.Add, new TableEntity("p", "a")), new(TableTransactionActionType.Add, new TableEntity("q", "a"))]);

        await Assert.ThrowsAsync<ArgumentException>(() => Guarded.SubmitAsync(
            [new(TableTransactionActionType.Add, new TableEntity("p", "b")), new(TableTransactionActionType.Add, new TableEntity("q", "b"))], CancellationToken.None));

        Assert.Empty(Wire.Sent);
    }

    [Fact]
    public async Task A_property_that_would_be_stored_but_never_read_back_is_refused()
    {
        await Assert.ThrowsAsync<NotSupportedException>(() => Guarded.AddAsync(new WithComputed { PartitionKey = "p", RowKey = "r" }, CancellationToken.None));

        Assert.Empty(Wire.Sent);
    }

    [Fact]
    public async Task The_ids_entities_expose_are_not_stored_twice()
    {
        await Guarded.AddAsync(new IntakeEntity { Id = "in_3", CreatedAt = DateTimeOffset.UnixEpoch }, CancellationToken.None);

        var stored = (await Table.GetEntityAsync<TableEntity>("in_3", IntakeEntity.Row)).Value;
        Assert.False(stored.ContainsKey("Id"));
    }

    private sealed class WithComputed : EntityBase
    {
        public string Label => PartitionKey + RowKey;
    }
}
