using System.Diagnostics;
using System.Globalization;
using Microneedling.Tables;
using Microneedling.Testing;
using TableThroughput;

// Usage: TableThroughput [SECONDS_PER_ROUND] [ROUNDS]
// Each scenario warms both sides up, then alternates client and raw rounds of a fixed time with
// N concurrent callers, so drift in Azurite (JIT, growing in-memory tables) hits both alike.
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 4;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var duration = TimeSpan.FromSeconds(seconds);
var azurite = new AzuriteFixture();
await azurite.InitializeAsync();
try
{
    var service = new TableServiceClient(azurite.ConnectionString);
    using var http = new HttpClient();
    var key = Convert.FromBase64String(AzuriteFixture.AccountKey);
    const int seeded = 2_000;
    var readTable = service.GetTableClient("benchreads");
    await readTable.CreateIfNotExistsAsync();
    for (var start = 0; start < seeded; start += 100)
    {
        await readTable.SubmitTransactionAsync(Enumerable.Range(start, 100).Select(i =>
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", Row(i)) { ["Text"] = "benchmark entity", ["Count"] = 42 })));
    }

    var rawReads = new RawTableRequests(http, azurite.TableEndpoint, AzuriteFixture.AccountName, key, readTable.Name);
    var rawReadOps = Enumerable.Range(0, seeded).Select(i => rawReads.PreparePointRead("p", Row(i))).ToArray();

    Console.WriteLine($"Azurite 3.35.0 (in memory) on loopback; {rounds} alternating rounds of {seconds:0} s per side after a warm-up; {Environment.ProcessorCount} cores.");
    Console.WriteLine();
    Console.WriteLine("| operation | callers | client ops/s | raw HTTP ops/s | client / raw | client p50 ms | raw p50 ms |");
    Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
    var scenario = 0;
    foreach (var callers in new[] { 1, 16 })
    {
        // Inserts: every call a fresh row key in a fresh table per run.
        var clientTable = service.GetTableClient($"benchclient{++scenario}");
        var rawTable = service.GetTableClient($"benchraw{scenario}");
        await clientTable.CreateIfNotExistsAsync();
        await rawTable.CreateIfNotExistsAsync();
        var rawInserts = new RawTableRequests(http, azurite.TableEndpoint, AzuriteFixture.AccountName, key, rawTable.Name);
        var rawInsertOps = Enumerable.Range(0, 200_000).Select(i => rawInserts.PrepareInsert("p", Row(i))).ToArray();
        var clientRow = 0;
        var rawRow = 0;
        var (clientInsert, rawInsert) = await Compare(callers, duration, rounds,
            _ => clientTable.AddEntityAsync(new TableEntity("p", Row(Interlocked.Increment(ref clientRow))) { ["Text"] = "benchmark entity", ["Count"] = 42 }),
            _ => rawInsertOps[Interlocked.Increment(ref rawRow)]());
        Report("insert", callers, clientInsert, rawInsert);

        var (clientRead, rawRead) = await Compare(callers, duration, rounds,
            i => readTable.GetEntityAsync<TableEntity>("p", Row(i % seeded)),
            i => rawReadOps[i % seeded]());
        Report("point read", callers, clientRead, rawRead);
    }
}
finally
{
    await azurite.DisposeAsync();
}

static string Row(int i) => i.ToString("D7", CultureInfo.InvariantCulture);

static void Report(string operation, int callers, Result client, Result raw) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {operation} | {callers} | {client.PerSecond:F0} | {raw.PerSecond:F0} | {client.PerSecond / raw.PerSecond:P0} | {client.P50:F2} | {raw.P50:F2} |"));

static async Task<(Result Client, Result Raw)> Compare(int callers, TimeSpan duration, int rounds, Func<int, Task> client, Func<int, Task> raw)
{
    await Measure(callers, duration / 2, client);
    await Measure(callers, duration / 2, raw);
    var (clientResults, rawResults) = (new List<Result>(), new List<Result>());
    for (var round = 0; round < rounds; round++)
    {
        clientResults.Add(await Measure(callers, duration, client));
        rawResults.Add(await Measure(callers, duration, raw));
    }

    return (Result.Combine(clientResults), Result.Combine(rawResults));
}

static async Task<Result> Measure(int callers, TimeSpan duration, Func<int, Task> operation)
{
    var next = -1;
    var latencies = new List<double>[callers];
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, callers).Select(async c =>
    {
        var mine = latencies[c] = [];
        while (clock.Elapsed < duration)
        {
            var started = clock.Elapsed;
            await operation(Interlocked.Increment(ref next)).ConfigureAwait(false);
            mine.Add((clock.Elapsed - started).TotalMilliseconds);
        }
    }));
    var all = latencies.SelectMany(l => l).Order().ToList();
    return new Result(all.Count, clock.Elapsed.TotalSeconds, all);
}

internal sealed record Result(int Operations, double Seconds, List<double> SortedLatencies)
{
    public double PerSecond => Operations / Seconds;

    public double P50 => SortedLatencies[SortedLatencies.Count / 2];

    public static Result Combine(List<Result> results) =>
        new(results.Sum(r => r.Operations), results.Sum(r => r.Seconds), [.. results.SelectMany(r => r.SortedLatencies).Order()]);
}
