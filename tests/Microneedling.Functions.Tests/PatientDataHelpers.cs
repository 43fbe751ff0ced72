using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microneedling.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Microneedling.Functions.Tests;

/// <summary>Staff calls about a patient, and every stored row read straight from Table Storage (not through the repositories).</summary>
internal static class PatientDataHelpers
{
    /// <summary>What the audit trail records for the development key: the first 8 bytes of its SHA-256.</summary>
    public static string KeyFingerprint => "key:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiFactory.StaffKey)).AsSpan(0, 8));

    public static async Task<HttpResponseMessage> StaffPostAsync(this ApiFactory api, string path, JsonNode body, string? key = ApiFactory.StaffKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        return await api.Client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> EraseAsync(this ApiFactory api, string email) =>
        api.StaffPostAsync("/api/staff/patients/erase", new JsonObject { ["email"] = email });

    public static Task<HttpResponseMessage> ExportAsync(this ApiFactory api, string email) =>
        api.StaffPostAsync("/api/staff/patients/export", new JsonObject { ["email"] = email });

    /// <summary>Every row of every table under the app's prefix, as one line of text each: table, keys and every property.</summary>
    public static async Task<List<(string Table, string Row)>> EveryRowAsync(this ApiFactory api)
    {
        var service = api.Services.GetRequiredService<TableServiceClient>();
        var prefix = api.Services.GetRequiredService<ClinicTables>().Prefix;
        var rows = new List<(string, string)>();
        await foreach (var table in service.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}")))
        {
            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                rows.Add((table.Name, string.Join(" | ", row.OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => $"{p.Key}={Convert.ToString(p.Value, CultureInfo.InvariantCulture)}"))));
            }
        }

        return rows;
    }

    /// <summary>An eligible intake with answers no other test patient gives, so they can be looked for in storage.</summary>
    public static JsonObject DistinctIntake()
    {
        var intake = ApiFactory.EligibleIntake("severe");
        intake["scarTypes"] = new JsonArray("icepick");
        intake["fitzpatrickType"] = 6;
        return intake;
    }

    public static async Task<(string Id, string Token)> IntakeAsync(this ApiFactory api, JsonObject answers)
    {
        using var response = await api.Client.PostAsJsonAsync("/api/intakes", answers);
        var body = await ApiFactory.JsonAsync(response);
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return (body["intakeId"]!.GetValue<string>(), body["intakeToken"]!.GetValue<string>());
    }

    public static JsonObject Booking(string intakeId, string name, string email, params string[] starts)
    {
        var body = ApiFactory.BookingBody(intakeId, [.. starts.Select(s => ("amira", s))]);
        body["patient"] = new JsonObject { ["name"] = name, ["email"] = email };
        return body;
    }

    public static async Task<string> BookAsync(this ApiFactory api, JsonObject booking, string? idempotencyKey = null)
    {
        using var response = await api.PostAsync("/api/bookings", booking, idempotencyKey);
        var body = await ApiFactory.JsonAsync(response);
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return body["bookingId"]!.GetValue<string>();
    }
}
