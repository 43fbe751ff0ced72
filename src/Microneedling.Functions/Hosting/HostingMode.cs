namespace Microneedling.Functions.Hosting;

/// <summary>
/// How the process is hosted: as an Azure Functions custom handler (the host forwards HTTP
/// requests and invokes timers), or standalone (we serve the API and fire timers ourselves).
/// </summary>
public sealed record HostingMode(bool UnderFunctionsHost, int? CustomHandlerPort)
{
    public const string PortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public static HostingMode FromConfiguration(IConfiguration configuration)
    {
        var raw = configuration[PortVariable];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new HostingMode(false, null);
        }

        if (!int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
            || port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"{PortVariable} must be a TCP port number (1-65535).");
        }

        return new HostingMode(true, port);
    }
}
