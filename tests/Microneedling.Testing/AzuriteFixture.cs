using System.Diagnostics;
using Xunit;

namespace Microneedling.Testing;

/// <summary>
/// A real Azurite Table service for one test assembly or collection: in memory, telemetry off,
/// on a free loopback port, stopped on dispose. Set <c>MICRONEEDLING_TEST_TABLE_ENDPOINT</c> to use
/// one that is already running instead.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const int Attempts = 3;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();
    private Process? _process;

    public Uri TableEndpoint { get; private set; } = null!;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint={TableEndpoint};";

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable("MICRONEEDLING_TEST_TABLE_ENDPOINT");
        if (!string.IsNullOrEmpty(external))
        {
            TableEndpoint = new Uri(external);
            return;
        }

        var main = Path.Combine(RepositoryPaths.NodeModules, "azurite", "dist", "src", "table", "main.js");
        if (!File.Exists(main))
        {
            throw new InvalidOperationException($"Azurite is not installed ({main} is missing): run 'npm ci' in {RepositoryPaths.Root}, or use scripts/test.sh which does.");
        }

        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var port = FreeTcpPort.Next();
            _process = Start(main, port, _output);
            if (await FreeTcpPort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(30), () => _process.HasExited).ConfigureAwait(false))
            {
                TableEndpoint = new Uri($"http://127.0.0.1:{port}/{AccountName}");
                return;
            }

            Stop();
        }

        throw new InvalidOperationException($"Azurite did not start after {Attempts} attempts. It said:\n{string.Join('\n', _output)}");
    }

    public Task DisposeAsync()
    {
        Stop();
        return Task.CompletedTask;
    }

    private static Process Start(string main, int port, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        var info = new ProcessStartInfo("node")
        {
            // In-memory Azurite still writes its settings file into the working folder.
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { main, "--inMemoryPersistence", "--disableTelemetry", "--silent", "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start node.");
        process.OutputDataReceived += (_, e) => Remember(output, e.Data);
        process.ErrorDataReceived += (_, e) => Remember(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Remember(System.Collections.Concurrent.ConcurrentQueue<string> output, string? line)
    {
        if (line is not null && output.Count < 50)
        {
            output.Enqueue(line);
        }
    }

    private void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        _process = null;
    }
}
