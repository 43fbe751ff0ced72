using Microneedling.Testing;

namespace Microneedling.Tables.Tests;

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}

/// <summary>Gives each test its own table in the shared Azurite, and drops it afterwards.</summary>
public abstract class AzuriteTableTest(AzuriteFixture azurite) : IAsyncLifetime
{
    private static int _counter;

    protected AzuriteFixture Azurite { get; } = azurite;

    protected TableServiceClient Service { get; } = new(azurite.ConnectionString);

    protected TableClient Table { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Table = Service.GetTableClient($"t{Guid.NewGuid():N}"[..20] + Interlocked.Increment(ref _counter));
        await Table.CreateIfNotExistsAsync();
    }

    public virtual async Task DisposeAsync() => await Service.DeleteTableAsync(Table.Name);
}
