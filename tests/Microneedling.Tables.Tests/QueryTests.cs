using Microneedling.Testing;

namespace Microneedling.Tables.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class QueryTests(AzuriteFixture azurite) : AzuriteTableTest(azurite)
{
    [Fact]
    public async Task A_query_follows_continuations_past_1000_entities()
    {
        const int total = 1_234;
        for (var start = 0; start < total; start += 100)
        {
            var batch = Enumerable.Range(start, Math.Min(100, total - start))
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("bulk", i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)) { ["N"] = i }));
            await Table.SubmitTransactionAsync(batch);
        }

        var pages = new List<int>();
        var seen = new List<int>();
        await foreach (var page in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"bulk"}")).AsPages())
        {
            pages.Add(page.Values.Count);
            seen.AddRange(page.Values.Select(e => e.GetInt32("N")!.Value));
        }

        Assert.True(pages.Count >= 2, $"expected several pages, got {pages.Count}");
        Assert.All(pages, count => Assert.InRange(count, 0, 1000));
        Assert.Equal(Enumerable.Range(0, total), seen);
    }

    [Fact]
    public async Task Page_size_and_select_are_honoured()
    {
        for (var i = 0; i < 7; i++)
        {
            await Table.AddEntityAsync(new TableEntity("p", $"r{i}") { ["Keep"] = i, ["Drop"] = "x" });
        }

        var pages = new List<Azure.Page<TableEntity>>();
        await foreach (var page in Table.QueryAsync<TableEntity>(maxPerPage: 3, select: ["Keep"]).AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal([3, 3, 1], pages.Select(p => p.Values.Count));
        Assert.All(pages.SelectMany(p => p.Values), e => Assert.False(e.ContainsKey("Drop")));
        Assert.Equal(6, pages[^1].Values[0].GetInt32("Keep"));
    }

    [Fact]
    public async Task A_continuation_token_resumes_where_a_page_ended()
    {
        for (var i = 0; i < 5; i++)
        {
            await Table.AddEntityAsync(new TableEntity("p", $"r{i}"));
        }

        string? token = null;
        await foreach (var page in Table.QueryAsync<TableEntity>(maxPerPage: 2).AsPages())
        {
            token = page.ContinuationToken;
            break;
        }

        var rest = new List<string>();
        await foreach (var page in Table.QueryAsync<TableEntity>(maxPerPage: 2).AsPages(token))
        {
            rest.AddRange(page.Values.Select(e => e.RowKey));
        }

        Assert.Equal(["r2", "r3", "r4"], rest);
    }

    [Fact]
    public async Task Typed_filters_match_typed_properties()
    {
        var due = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        await Table.AddEntityAsync(new SampleEntity { PartitionKey = "p", RowKey = "early", When = due.AddHours(-1), Big = 5, Ratio = 2.0 });
        await Table.AddEntityAsync(new SampleEntity { PartitionKey = "p", RowKey = "late", When = due.AddHours(1), Big = 6, Ratio = 3.0 });

        var byDate = await Table.QueryAsync<SampleEntity>(TableClient.CreateQueryFilter($"When le {due}")).ToListAsync();
        var byLong = await Table.QueryAsync<SampleEntity>(TableClient.CreateQueryFilter($"Big eq {6L}")).ToListAsync();
        var byDouble = await Table.QueryAsync<SampleEntity>(TableClient.CreateQueryFilter($"Ratio eq {2.0}")).ToListAsync();

        Assert.Equal("early", Assert.Single(byDate).RowKey);
        Assert.Equal("late", Assert.Single(byLong).RowKey);
        Assert.Equal("early", Assert.Single(byDouble).RowKey);
    }

    [Fact]
    public async Task The_service_client_lists_tables()
    {
        var names = new List<string>();
        await foreach (var name in Service.QueryTablesAsync(maxPerPage: 1))
        {
            names.Add(name);
        }

        Assert.Contains(Table.Name, names);
    }
}
