using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microneedling.Testing;

namespace Microneedling.Functions.Tests.Contract;

/// <summary>
/// The document is the truth about the API, and the contract check that every API test passes
/// through does catch the lies it is there to catch.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApiContractTests(AzuriteFixture azurite) : IDisposable
{
    private const string Slot = """{"start":"2026-11-30T09:00:00Z","end":"2026-11-30T10:00:00Z","practitionerId":"amira","practitionerName":"Amira","localStartInDisplayZone":null}""";
    private readonly ApiFactory _api = new(azurite);

    private async Task<(ApiContract Contract, JsonNode Document)> DocumentAsync()
    {
        var text = await _api.Client.GetStringAsync(new Uri("/api/openapi.json", UriKind.Relative));
        return (new ApiContract(text), JsonNode.Parse(text)!);
    }

    [Theory]
    [InlineData("IntakeRequest", "pregnancyDueDate,radiationEndedOn,preferredFirstSessionDate", "pregnant,severity,fitzpatrickType,scarTypes")]
    [InlineData("CreateBookingRequest", "addOnIds", "intakeId,serviceId,locationId,patient,sessions")]
    [InlineData("RescheduleRequest", "practitionerId", "start")]
    [InlineData("CancelRequest", "sessionNumbers", "")]
    public async Task Optional_request_fields_are_not_required_and_required_ones_are_never_null(string schema, string optional, string required)
    {
        var (_, document) = await DocumentAsync();
        var type = document["components"]!["schemas"]![schema]!;
        var listed = type["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToList() ?? [];

        Assert.All(optional.Split(','), name => Assert.DoesNotContain(name, listed));
        foreach (var name in required.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Contains(name, listed);
            Assert.DoesNotContain("null", type["properties"]![name]!["type"]?.ToJsonString() ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Numbers_are_numbers_in_the_document_and_on_the_server()
    {
        var (_, document) = await DocumentAsync();
        var intake = ApiFactory.EligibleIntake();
        intake["fitzpatrickType"] = "4";

        using var response = await _api.PostAsync("/api/intakes", intake);

        Assert.Equal("\"integer\"", document["components"]!["schemas"]!["IntakeRequest"]!["properties"]!["fitzpatrickType"]!["type"]!.ToJsonString());
        Assert.DoesNotContain("\"string\"]", document["components"]!.ToJsonString().Replace("\"null\",\"string\"]", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiFactory.JsonAsync(response))["errors"]!.AsObject().ContainsKey("$.fitzpatrickType"));
    }

    [Theory]
    [InlineData(200, """{"timeZone":"Europe/London","serviceId":"s","locationId":"l","slots":[SLOT]}""", "")]
    [InlineData(200, """{"timeZone":"Europe/London","serviceId":"s","locationId":"l","slots":[SLOT],"extra":1}""", "")]
    [InlineData(200, """{"timeZone":"Europe/London","serviceId":"s","slots":[SLOT]}""", "locationId")]
    [InlineData(200, """{"timeZone":"Europe/London","serviceId":"s","locationId":"l","slots":[SLOTPLUS01]}""", "date-time")]
    [InlineData(200, """{"timeZone":"Europe/London","serviceId":"s","locationId":7,"slots":[]}""", "should be \"string\"")]
    [InlineData(418, """{}""", "status 418 is not documented")]
    public async Task Answers_are_judged_against_their_documented_schema(int status, string body, string expected)
    {
        var (contract, _) = await DocumentAsync();
        var json = body.Replace("SLOTPLUS01", Slot.Replace("09:00:00Z", "09:00:00+01", StringComparison.Ordinal), StringComparison.Ordinal).Replace("SLOT", Slot, StringComparison.Ordinal);

        var violations = contract.Violations(new Exchange("GET", "/api/availability", Query("serviceId=s&locationId=l&from=2026-11-30&to=2026-11-30"), null, [], status, "application/json", Encoding.UTF8.GetBytes(json), false));

        if (expected.Length == 0)
        {
            Assert.Empty(violations);
        }
        else
        {
            Assert.Contains(violations, v => v.Contains(expected, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Accepted_requests_must_be_ones_the_document_allows()
    {
        var (contract, _) = await DocumentAsync();
        var missingStart = Encoding.UTF8.GetBytes("""{"practitionerId":"amira"}""");
        var stringNumber = Encoding.UTF8.GetBytes("""{"sessionNumbers":["2"]}""");

        var reschedule = contract.Violations(new Exchange("POST", "/api/bookings/bk_1/sessions/1/reschedule", Query(""), "application/json", missingStart, 409, "application/problem+json", Encoding.UTF8.GetBytes("""{"type":"/problems/slot-taken","status":409}"""), false));
        var accepted = contract.Violations(new Exchange("POST", "/api/bookings/bk_1/cancel", Query(""), "application/json", stringNumber, 200, "application/json", [], false));
        var undocumented = contract.Violations(new Exchange("DELETE", "/api/bookings/bk_1", Query(""), null, [], 204, null, [], false));
        var created = contract.Violations(new Exchange("POST", "/api/intakes", Query(""), "application/json", Encoding.UTF8.GetBytes(ApiFactory.EligibleIntake().ToJsonString()), 201, null, [], false));

        Assert.Empty(reschedule);
        Assert.Contains(accepted, v => v.StartsWith("accepted a request the document refuses", StringComparison.Ordinal));
        Assert.Contains(undocumented, v => v.Contains("not a documented operation", StringComparison.Ordinal));
        Assert.Contains("a 201 without a Location header", created);
    }

    [Theory]
    [InlineData("serviceId=s&locationId=l&from=2026-11-30", "required query parameter to")]
    [InlineData("serviceId=s&locationId=l&from=2026-11-30&to=30/11/2026", "query parameter to='30/11/2026'")]
    public async Task Accepted_queries_must_be_ones_the_document_allows(string query, string expected)
    {
        var (contract, _) = await DocumentAsync();

        var violations = contract.Violations(new Exchange("GET", "/api/availability", Query(query), null, [], 200, "application/json",
            Encoding.UTF8.GetBytes("""{"timeZone":"Europe/London","serviceId":"s","locationId":"l","slots":[]}"""), false));

        Assert.Contains(violations, v => v.Contains(expected, StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Query(string text) =>
        text.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    public void Dispose() => _api.Dispose();
}
