using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Microneedling.Storage.Hosting;
using Microneedling.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Microneedling.Functions.Tests;

/// <summary>
/// The tables are created once, by start-up: no request or timer path has to remember to. The attempt
/// runs beside start-up, so the host's readiness ping does not wait for it; every other request does.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableCreationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_fixed_tables_exist_once_start_ups_attempt_has_ended()
    {
        var prefix = "c" + Guid.NewGuid().ToString("N")[..10];
        using var factory = HandlerFactory.Standalone(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Api:TablePrefix"] = prefix,
        });

        await factory.Services.GetRequiredService<ITableCreation>().FirstAttempt;

        var names = new List<string>();
        await foreach (var table in new TableServiceClient(azurite.ConnectionString).QueryAsync(TableClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}")))
        {
            names.Add(table.Name[prefix.Length..]);
        }

        Assert.Equal(["Audit", "Bookings", "Idempotency", "Intakes", "OptOuts", "Recovery", "ScheduleDays"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_app_starts_when_table_storage_is_unreachable_and_logs_that_tables_are_not_created_yet()
    {
        var nobody = FreeTcpPort.Next();
        using var factory = HandlerFactory.Standalone(StorageAt(nobody));

        await factory.Services.GetRequiredService<ITableCreation>().FirstAttempt;

        Assert.Contains(factory.Logs.Lines, l => l.Contains("Tables not created yet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Readiness_answers_while_the_tables_are_being_created_and_other_requests_wait_for_it()
    {
        using var storage = new TcpListener(IPAddress.Loopback, 0);
        storage.Start();
        var held = new ConcurrentBag<Socket>();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                held.Add(await storage.AcceptSocketAsync());
            }
        });
        using var factory = HandlerFactory.UnderFunctionsHost(StorageAt(((IPEndPoint)storage.LocalEndpoint).Port));
        using var client = factory.CreateClient();
        var firstAttempt = factory.Services.GetRequiredService<ITableCreation>().FirstAttempt;

        using var ready = await client.GetAsync(new Uri("/", UriKind.Relative));
        var readyWhilePending = !firstAttempt.IsCompleted;
        var catalog = client.GetAsync(new Uri("/api/catalog", UriKind.Relative));
        var first = await Task.WhenAny(catalog, Task.Delay(TimeSpan.FromMilliseconds(300)));
        var waitedWhilePending = first != catalog && !firstAttempt.IsCompleted;

        storage.Stop();
        foreach (var socket in held)
        {
            socket.Close();
        }

        using var answered = await catalog;

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(readyWhilePending, "readiness waited for the tables");
        Assert.True(waitedWhilePending, "the catalog answered before the tables' first attempt ended");
        Assert.True(firstAttempt.IsCompleted);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    private static Dictionary<string, string?> StorageAt(int port) => new()
    {
        ["Storage:ConnectionString"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteFixture.AccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;",
    };
}
