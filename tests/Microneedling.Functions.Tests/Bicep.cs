using System.Diagnostics;
using System.Reflection;

namespace Microneedling.Functions.Tests;

/// <summary>The Bicep compiler from its NuGet package for linux-x64 (downloaded at restore), run on the templates.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class Bicep
{
    private static readonly string Cli = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepCli").Value!;

    /// <summary>The ARM template; compiler errors and warnings fail the test.</summary>
    public static string Build(string file)
    {
        // NuGet does not always keep the executable bit when it extracts a package.
        File.SetUnixFileMode(Cli, File.GetUnixFileMode(Cli) | UnixFileMode.UserExecute);
        var info = new ProcessStartInfo(Cli) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("build");
        info.ArgumentList.Add(file);
        info.ArgumentList.Add("--stdout");
        info.Environment["BICEP_TRACING_ENABLED"] = "false";
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var diagnostics = stderr.GetAwaiter().GetResult();
        Assert.True(process.ExitCode == 0 && diagnostics.Trim().Length == 0, $"bicep build {file}: exit {process.ExitCode}\n{diagnostics}");
        return output;
    }
}
