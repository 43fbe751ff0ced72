using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microneedling.Functions.Tests.Contract;
using Microneedling.Testing;

namespace Microneedling.Functions.Tests;

/// <summary>
/// The real app on a real Azurite (its own tables), with the clock at Saturday 21 November 2026, noon
/// UTC. Every exchange of its client is checked against the served OpenAPI document.
/// </summary>
public sealed class ApiFactory : IDisposable
{
    public const string StaffKey = "local-development-staff-key";
    private static readonly Lock ContractLock = new();
    private static ApiContract? _contract;
    private readonly HandlerFactory _factory;

    public ApiFactory(AzuriteFixture azurite, int publicWritesPerMinute = 10_000, IReadOnlyDictionary<string, string?>? extra = null, bool underFunctionsHost = false, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Email:Sender"] = "Outbox",
            ["Email:OutboxFolder"] = Directory.CreateTempSubdirectory("outbox-").FullName,
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Api:TablePrefix"] = extra?.GetValueOrDefault("Api:TablePrefix") ?? "t" + Guid.NewGuid().ToString("N")[..10],
            ["Api:PublicWritesPerMinute"] = publicWritesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        _factory = underFunctionsHost ? HandlerFactory.UnderFunctionsHost(settings, services) : HandlerFactory.Standalone(settings);
        _factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
        Client = _factory.CreateDefaultClient(new Uri("http://localhost"), new ContractCheckingHandler(Contract));
    }

    public HttpClient Client { get; }

    public FakeTimeProvider Clock => _factory.Clock;

    public IServiceProvider Services => _factory.Services;

    public IReadOnlyCollection<string> Logs => _factory.Logs.Lines;

    /// <summary>The document as the app serves it, read once per test run.</summary>
    private ApiContract Contract()
    {
        lock (ContractLock)
        {
            if (_contract is null)
            {
                using var raw = _factory.Server.CreateClient();
                _contract = new ApiContract(raw.GetStringAsync(new Uri("/api/openapi.json", UriKind.Relative)).GetAwaiter().GetResult());
            }

            return _contract;
        }
    }

    public static JsonObject EligibleIntake(string severity = "moderate") => new()
    {
        ["activeBreakout"] = false, ["rosacea"] = false, ["eczema"] = false, ["irritatedSunburntOrInflamedSkin"] = false,
        ["pregnant"] = false, ["radiationTreatment"] = "none", ["scarsEasily"] = false, ["otherSkinConditionInArea"] = false,
        ["scarTypes"] = new JsonArray("rolling", "boxcar"), ["severity"] = severity, ["fitzpatrickType"] = 4,
    };

    public async Task<string> EligibleIntakeIdAsync()
    {
        using var response = await Client.PostAsJsonAsync("/api/intakes", EligibleIntake());
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["intakeId"]!.GetValue<string>();
    }

    public static JsonObject BookingBody(string intakeId, params (string Practitioner, string Start)[] sessions) => new()
    {
        ["intakeId"] = intakeId,
        ["serviceId"] = "microneedling",
        ["locationId"] = "soho",
        ["addOnIds"] = new JsonArray("prp"),
        ["patient"] = new JsonObject { ["name"] = "Zoë O'Brien", ["email"] = "zoe@example.com" },
        ["sessions"] = new JsonArray([.. sessions.Select(s => (JsonNode)new JsonObject { ["practitionerId"] = s.Practitioner, ["start"] = s.Start })]),
    };

    public async Task<HttpResponseMessage> PostAsync(string path, JsonNode body, string? idempotencyKey = null, string? manageToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (manageToken is not null)
        {
            request.Headers.Add("X-Manage-Token", manageToken);
        }

        return await Client.SendAsync(request);
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? manageToken = null, string? staffKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (manageToken is not null)
        {
            request.Headers.Add("X-Manage-Token", manageToken);
        }

        if (staffKey is not null)
        {
            request.Headers.Add("x-functions-key", staffKey);
        }

        return await Client.SendAsync(request);
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static string ProblemType(JsonObject problem) => problem["type"]!.GetValue<string>();

    public void Dispose()
    {
        Client.Dispose();
        _factory.Dispose();
    }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
