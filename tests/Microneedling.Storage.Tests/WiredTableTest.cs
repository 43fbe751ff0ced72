using Azure.Core;
using Azure.Data.Tables;
using Microneedling.Testing;

namespace Microneedling.Storage.Tests;

/// <summary>A fresh table, reached both directly and through a client whose requests <see cref="Wire"/> records (and can hold).</summary>
public abstract class WiredTableTest(AzuriteFixture azurite, bool holdFirst = false) : IAsyncLifetime
{
    protected WirePolicy Wire { get; } = new(holdFirst);

    /// <summary>The table, for setting up and checking outside the wire.</summary>
    protected TableClient Table { get; private set; } = null!;

    /// <summary>The same table through the recorded wire.</summary>
    protected TableClient WiredTable { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var name = "w" + Guid.NewGuid().ToString("N")[..10];
        Table = new TableServiceClient(azurite.ConnectionString).GetTableClient(name);
        await Table.CreateAsync();
        var options = new TableClientOptions();
        options.AddPolicy(Wire, HttpPipelinePosition.PerCall);
        WiredTable = new TableServiceClient(azurite.ConnectionString, options).GetTableClient(name);
    }

    public async Task DisposeAsync() => await Table.DeleteAsync();
}
