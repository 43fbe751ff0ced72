namespace Microneedling.Functions.Hosting.FunctionFolders;

/// <summary><c>Microneedling.Functions write-functions DIR</c>: writes the function folders and exits (used by publish).</summary>
public static class FunctionManifestCommand
{
    public const string Verb = "write-functions";

    public static bool IsRequested(string[] args) => args is [Verb, _];

    public static void Run(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        var routes = (IEndpointRouteBuilder)app;
        var functions = FunctionManifest.Build(routes.DataSources, app.Services.GetServices<Timers.TimerDefinition>());
        FunctionManifest.WriteTo(args[1], functions);
        Console.WriteLine($"Wrote {functions.Count} function folders to {Path.GetFullPath(args[1])}");
    }
}
