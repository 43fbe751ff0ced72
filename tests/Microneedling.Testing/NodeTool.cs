using System.Diagnostics;
using System.Text.Json;

namespace Microneedling.Testing;

/// <summary>Runs one of the Node helpers in tests/tools on some files and reads the JSON it prints.</summary>
public static class NodeTool
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static T Run<T>(string script, IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "tests", "tools", script));
        foreach (var file in files)
        {
            info.ArgumentList.Add(file);
        }

        info.Environment["REPO_ROOT"] = RepositoryPaths.Root;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start node.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return process.ExitCode == 0
            ? JsonSerializer.Deserialize<T>(stdout.Result, Json)!
            : throw new InvalidOperationException($"{script} failed: {stderr.Result}");
    }
}
