using Azure.Data.Tables;
using Microneedling.Testing;

namespace Microneedling.Functions.Tests;

/// <summary>The tables are created once, at start-up: no request or timer path has to remember to.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableCreationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_fixed_tables_exist_once_the_app_has_started_before_any_request()
    {
        var prefix = "c" + Guid.NewGuid().ToString("N")[..10];
        using var factory = HandlerFactory.Standalone(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Api:TablePrefix"] = prefix,
        });

        _ = factory.Services;

        var names = new List<string>();
        await foreach (var table in new TableServiceClient(azurite.ConnectionString).QueryAsync(TableClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}")))
        {
            names.Add(table.Name[prefix.Length..]);
        }

        Assert.Equal(["Audit", "Bookings", "Idempotency", "Intakes", "OptOuts", "Recovery", "ScheduleDays"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_app_starts_when_table_storage_is_unreachable_and_logs_that_tables_are_not_created_yet()
    {
        var nobody = FreeTcpPort.Next();
        using var factory = HandlerFactory.Standalone(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteFixture.AccountKey};TableEndpoint=http://127.0.0.1:{nobody}/devstoreaccount1;",
        });
        _ = factory.Services;

        Assert.Contains(factory.Logs.Lines, l => l.Contains("Tables not created yet", StringComparison.Ordinal));
    }
}
