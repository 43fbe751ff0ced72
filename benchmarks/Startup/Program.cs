using System.Diagnostics;
using System.Globalization;
using Microneedling.Testing;

// Usage: Startup RUNS NAME=EXECUTABLE [NAME=EXECUTABLE ...]
// Starts each executable RUNS times, interleaved, as the Functions host would (a port in
// FUNCTIONS_CUSTOMHANDLER_PORT), and times process start to the first 200 on GET /.
if (args.Length < 2 || !int.TryParse(args[0], CultureInfo.InvariantCulture, out var runs))
{
    Console.Error.WriteLine("usage: Startup RUNS NAME=EXECUTABLE [NAME=EXECUTABLE ...]");
    return 2;
}

var targets = args.Skip(1).Select(a => a.Split('=', 2)).Select(p => (Name: p[0], Path: p[1])).ToList();
var samples = targets.ToDictionary(t => t.Name, _ => new List<double>());
using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(500) };

for (var run = 0; run < runs + 1; run++)
{
    foreach (var (name, path) in targets)
    {
        var elapsed = await TimeToFirstOkAsync(path, http);
        if (run > 0)
        {
            samples[name].Add(elapsed); // the first round only warms the disk cache
        }
    }
}

Console.WriteLine($"| app | runs | median ms | p90 ms | min ms | max ms |");
Console.WriteLine($"| --- | --- | --- | --- | --- | --- |");
foreach (var (name, values) in samples)
{
    values.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {values.Count} | {Percentile(values, 0.5):F1} | {Percentile(values, 0.9):F1} | {values[0]:F1} | {values[^1]:F1} |"));
}

return 0;

static async Task<double> TimeToFirstOkAsync(string path, HttpClient http)
{
    var port = FreeTcpPort.Next();
    var info = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    info.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture);
    info.Environment["Logging__LogLevel__Default"] = "Warning";
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(info)!;
    var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
    process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
    process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? string.Empty);
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    var url = new Uri($"http://127.0.0.1:{port}/");
    try
    {
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{path} exited with {process.ExitCode} before answering:\n{string.Join('\n', output.TakeLast(20))}");
            }

            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return clock.Elapsed.TotalMilliseconds;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(2);
        }

        throw new TimeoutException($"{path} did not answer GET / within 30 s.");
    }
    finally
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }
}

static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
