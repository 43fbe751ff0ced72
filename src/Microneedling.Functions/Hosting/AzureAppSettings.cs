using Microneedling.Functions.Hosting.Timers;

namespace Microneedling.Functions.Hosting;

/// <summary>
/// The app settings the app needs when the Functions host runs it in Azure, where nothing falls
/// back to local defaults. The infrastructure templates must set every one (a test checks), and the
/// app refuses to start under the host without them, naming what is missing.
/// </summary>
public static class AzureAppSettings
{
    public static readonly IReadOnlyList<string> Required =
    [
        "AzureWebJobsStorage__accountName",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "Storage__TableEndpoint",
        "Storage__ManagedIdentityClientId",
        "Email__Sender",
        "Email__AcsEndpoint",
        "Email__ManagedIdentityClientId",
        "Clinic__SenderEmail",
        "Security__ManageTokenKey",
        "Api__PublicUrl",
    ];

    /// <summary>Every required setting plus each timer's schedule setting.</summary>
    public static IReadOnlyList<string> RequiredWith(IEnumerable<TimerDefinition> timers) =>
        [.. Required, .. timers.Select(t => t.ScheduleSetting)];

    public static void CheckPresent(IConfiguration configuration, IEnumerable<TimerDefinition> timers)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var missing = RequiredWith(timers).Where(name => string.IsNullOrWhiteSpace(configuration[name.Replace("__", ":", StringComparison.Ordinal)])).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("App settings missing under the Functions host: " + string.Join(", ", missing));
        }
    }
}
