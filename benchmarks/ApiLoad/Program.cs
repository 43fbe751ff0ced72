using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApiLoad;
using Microneedling.Testing;

// Usage: ApiLoad [SECONDS] [CLIENTS] [off|azuremonitor|otlp]   (run from the repository root after a Release build)
// The third argument turns telemetry on: the Azure Monitor distro or the OTLP exporter, sending to a loopback endpoint.
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
var clients = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
var telemetry = args.Length > 2 ? args[2] : "off";
var azurite = new AzuriteFixture();
await azurite.InitializeAsync();
await using var sink = await TelemetryLoopbackServer.StartAsync();
var clinicFile = Path.Combine(Directory.CreateTempSubdirectory("load-").FullName, "clinic.json");
await File.WriteAllTextAsync(clinicFile, LoadClinic.Json());
var port = FreeTcpPort.Next();
var app = StartApp(port, azurite, clinicFile, TelemetrySettings(telemetry, sink));
try
{
    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    if (!await FreeTcpPort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(60), () => app.HasExited))
    {
        throw new InvalidOperationException("The app did not start.");
    }

    var intake = await http.PostAsJsonAsync("/api/intakes", new
    {
        activeBreakout = false, rosacea = false, eczema = false, irritatedSunburntOrInflamedSkin = false, pregnant = false, radiationTreatment = "none",
        scarsEasily = false, otherSkinConditionInArea = false, scarTypes = new[] { "rolling" }, severity = "moderate", fitzpatrickType = 3,
    });
    var intakeId = (await intake.Content.ReadFromJsonAsync<JsonObject>())!["intakeId"]!.GetValue<string>();
    var firstDay = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3));
    var slots = new ConcurrentQueue<(string, DateTimeOffset)>(LoadClinic.Slots(firstDay));
    var booked = new ConcurrentQueue<(string, DateTimeOffset)>();

    var runId = Guid.NewGuid().ToString("N")[..8];
    var keys = 0;
    async Task<HttpStatusCode> Book(int i)
    {
        // One request in ten asks for a slot already booked: those must be the run's only errors (409).
        var (practitioner, start) = i % 10 == 9 && booked.TryPeek(out var taken) ? taken : slots.TryDequeue(out var free) ? free : throw new InvalidOperationException("Out of slots.");
        var body = new JsonObject
        {
            ["intakeId"] = intakeId, ["serviceId"] = "microneedling", ["locationId"] = "main",
            ["patient"] = new JsonObject { ["name"] = "Load Patient", ["email"] = "load@example.com" },
            ["sessions"] = new JsonArray(new JsonObject { ["practitionerId"] = practitioner, ["start"] = start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) }),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/bookings") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", $"load-{runId}-{Interlocked.Increment(ref keys)}");
        using var response = await http.SendAsync(request);
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
        {
            Console.Error.WriteLine($"unexpected {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        if (response.StatusCode == HttpStatusCode.Created)
        {
            booked.Enqueue((practitioner, start));
        }

        return response.StatusCode;
    }

    var random = new Random(42);
    async Task<HttpStatusCode> Availability(int i)
    {
        int p, d;
        lock (random)
        {
            (p, d) = (random.Next(1, LoadClinic.Practitioners + 1), random.Next(0, 60));
        }

        var day = firstDay.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var response = await http.GetAsync(new Uri($"/api/availability?serviceId=microneedling&locationId=main&practitionerId=p{p:D2}&from={day}&to={day}", UriKind.Relative));
        await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode;
    }

    await Run("warm-up", 5, clients, Book, print: false);
    await Run("warm-up", 5, clients, Availability, print: false);
    Console.WriteLine($"Azurite 3.35.0 in memory; the app as its own process (Release build); {clients} concurrent clients, {seconds} s each; {Environment.ProcessorCount} cores; telemetry {telemetry}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}.");
    Console.WriteLine();
    Console.WriteLine("| operation | requests | req/s | p50 ms | p99 ms | max ms | responses |");
    Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
    await Run("create booking (1 in 10 a taken slot)", seconds, clients, Book, print: true);
    await Run("availability (one practitioner, one day)", seconds, clients, Availability, print: true);
    Console.WriteLine($"telemetry received by the loopback endpoint: {sink.Requests} requests, {sink.Bytes / 1024} KB; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    if (telemetry == "azuremonitor")
    {
        Console.WriteLine(EnvelopeCounts.PerRequest(sink.Envelopes, "POST /api/bookings"));
    }
}
finally
{
    app.Kill(entireProcessTree: true);
    await app.WaitForExitAsync();
    await azurite.DisposeAsync();
}

static async Task Run(string name, int seconds, int clients, Func<int, Task<HttpStatusCode>> operation, bool print)
{
    var latencies = new ConcurrentBag<double>();
    var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
    var next = 0;
    var clock = Stopwatch.StartNew();
    var until = TimeSpan.FromSeconds(seconds);
    await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
    {
        while (clock.Elapsed < until)
        {
            var started = clock.Elapsed;
            var status = await operation(Interlocked.Increment(ref next));
            latencies.Add((clock.Elapsed - started).TotalMilliseconds);
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        }
    })));
    if (!print)
    {
        return;
    }

    // For allocation measurements taken beside the run (dotnet-counters): when this phase ran.
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"phase {name}: {DateTime.UtcNow - clock.Elapsed:O} to {DateTime.UtcNow:O}"));

    var sorted = latencies.Order().ToList();
    double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
    var codes = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}: {s.Value}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {sorted.Count} | {sorted.Count / clock.Elapsed.TotalSeconds:F0} | {At(0.5):F1} | {At(0.99):F1} | {sorted[^1]:F1} | {codes} |"));
}

static Dictionary<string, string> TelemetrySettings(string telemetry, TelemetryLoopbackServer sink) => telemetry switch
{
    "off" => [],
    "azuremonitor" => new() { ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = sink.ConnectionString },
    "otlp" => new()
    {
        ["Telemetry__Exporter"] = "otlp",
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = sink.Endpoint.ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
    },
    _ => throw new ArgumentException($"Telemetry is off, azuremonitor or otlp, not '{telemetry}'."),
};

static Process StartApp(int port, AzuriteFixture azurite, string clinicFile, Dictionary<string, string> telemetry)
{
    var dll = Path.Combine(RepositoryPaths.Root, "src", "Microneedling.Functions", "bin", "Release", "net10.0", "Microneedling.Functions.dll");
    var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    info.ArgumentList.Add(dll);

    // Started as the Functions host starts it: the port in FUNCTIONS_CUSTOMHANDLER_PORT, so the
    // app's own timer scheduler stays off (in Azure the host fires timers) and only requests are measured.
    info.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture);
    info.Environment["DOTNET_ENVIRONMENT"] = "Development";
    info.Environment["Email__Sender"] = "Outbox";
    info.Environment["Email__OutboxFolder"] = Path.Combine(Path.GetTempPath(), "load-outbox");
    info.Environment["Storage__ConnectionString"] = azurite.ConnectionString;
    info.Environment["ClinicConfigurationFile"] = clinicFile;
    info.Environment["Security__ManageTokenKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    info.Environment["Api__PublicWritesPerMinute"] = "1000000";
    info.Environment["Logging__LogLevel__Default"] = "Warning";
    foreach (var (key, value) in telemetry)
    {
        info.Environment[key] = value;
    }

    var process = Process.Start(info)!;
    Console.Error.WriteLine($"app pid {process.Id}");
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("app: " + e.Data); } };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}
