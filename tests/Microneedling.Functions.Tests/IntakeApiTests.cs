using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microneedling.Testing;

namespace Microneedling.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class IntakeApiTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ApiFactory _api = new(azurite);

    [Fact]
    public async Task An_eligible_intake_gets_a_plan_with_a_price()
    {
        using var response = await _api.Client.PostAsJsonAsync("/api/intakes", ApiFactory.EligibleIntake());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ApiFactory.JsonAsync(response);
        Assert.Equal("eligible", body["outcome"]!.GetValue<string>());
        var plan = body["plan"]!;
        Assert.Equal(4, plan["sessions"]!.GetValue<int>());
        Assert.Equal(4, plan["schedule"]!.AsArray().Count);
        Assert.Equal(1200m, plan["subtotal"]!["amount"]!.GetValue<decimal>());
        Assert.Equal(1080m, plan["total"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("GBP", plan["total"]!["currency"]!.GetValue<string>());
        Assert.StartsWith("in_", body["intakeId"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contraindication_defers_with_reasons_and_no_plan()
    {
        var intake = ApiFactory.EligibleIntake();
        intake["pregnant"] = true;
        intake["pregnancyDueDate"] = "2027-04-01";
        intake["activeBreakout"] = true;

        using var response = await _api.Client.PostAsJsonAsync("/api/intakes", intake);

        var body = await ApiFactory.JsonAsync(response);
        Assert.Equal("not-eligible-now", body["outcome"]!.GetValue<string>());
        Assert.Equal(["active-breakout", "pregnancy"], body["findings"]!.AsArray().Select(f => f!["code"]!.GetValue<string>()));
        Assert.Equal("2027-06-24", body["askAgainOn"]!.GetValue<string>());
        Assert.Null(body["plan"]);
    }

    [Fact]
    public async Task Raised_scars_need_a_consultation()
    {
        var intake = ApiFactory.EligibleIntake();
        intake["scarTypes"] = new JsonArray("hypertrophic-or-keloid");

        var body = await ApiFactory.JsonAsync(await _api.Client.PostAsJsonAsync("/api/intakes", intake));

        Assert.Equal("consult", body["outcome"]!.GetValue<string>());
        Assert.Equal("raised-scars", body["findings"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_missing_or_bad_answer_is_listed()
    {
        var intake = ApiFactory.EligibleIntake();
        intake.Remove("pregnant");
        intake.Remove("severity");
        intake["fitzpatrickType"] = 9;
        intake["preferredFirstSessionDate"] = "2027-02-30";

        using var response = await _api.Client.PostAsJsonAsync("/api/intakes", intake);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await ApiFactory.JsonAsync(response))["errors"]!.AsObject();
        Assert.Equal(["fitzpatrickType", "preferredFirstSessionDate", "pregnant", "severity"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"activeBreakout":false,"unknownField":1}""", "$.unknownField")]
    [InlineData("""{"activeBreakout":"no"}""", "$.activeBreakout")]
    [InlineData("""{"severity":"catastrophic"}""", "$.severity")]
    [InlineData("""{"scarTypes":["rolling"],}""", "$")]
    public async Task Strict_json_names_the_offending_field(string json, string path)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await _api.Client.PostAsync(new Uri("/api/intakes", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiFactory.JsonAsync(response);
        Assert.Equal("/problems/validation", ApiFactory.ProblemType(problem));
        Assert.True(problem["errors"]!.AsObject().ContainsKey(path), problem.ToJsonString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_or_too_large_is_refused()
    {
        using var text = new StringContent("pregnant=false", Encoding.UTF8, "text/plain");
        using var huge = new StringContent("{\"x\":\"" + new string('a', 40_000) + "\"}", Encoding.UTF8, "application/json");

        using var notJson = await _api.Client.PostAsync(new Uri("/api/intakes", UriKind.Relative), text);
        using var tooLarge = await _api.Client.PostAsync(new Uri("/api/intakes", UriKind.Relative), huge);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
    }

    [Fact]
    public async Task The_catalogue_lists_services_prices_locations_and_practitioners()
    {
        using var response = await _api.Client.GetAsync(new Uri("/api/catalog", UriKind.Relative));

        var body = await ApiFactory.JsonAsync(response);
        Assert.Equal("Europe/London", body["timeZone"]!.GetValue<string>());
        Assert.Contains(body["services"]!.AsArray(), s => s!["id"]!.GetValue<string>() == "microneedling" && s["price"]!["amount"]!.GetValue<decimal>() == 300m);
        Assert.Equal(2, body["locations"]!.AsArray().Count);
        Assert.Equal(2, body["practitioners"]!.AsArray().Count);
    }

    public void Dispose() => _api.Dispose();
}
