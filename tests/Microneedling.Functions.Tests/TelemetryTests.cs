using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microneedling.Email.Acs;
using Microneedling.Functions.Hosting;
using Microneedling.Functions.PatientLinks;
using Microneedling.Functions.Telemetry;
using Microneedling.Storage.OptOuts;
using Microneedling.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microneedling.Functions.Tests;

/// <summary>
/// The patient's journeys under the production telemetry set-up (the Azure Monitor distro, its
/// ingestion endpoint on loopback) with in-memory exporters beside it: the spans and metric points
/// an operator relies on exist, the host's trace is continued, and nothing captured or sent to
/// Application Insights carries the patient's name, address, answers or tokens.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests(AzuriteFixture azurite)
{
    private const string Name = "Zelda Quincewright";
    private const string Email = "zelda.quincewright@example.com";
    private static readonly DateTimeOffset Saturday = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly string Monday9 = "2026-11-30T09:00:00Z";

    [Fact]
    public async Task Journeys_leave_spans_and_metrics_an_operator_can_use_and_no_patient_data()
    {
        await using var acs = await AcsLoopbackServer.StartAsync();
        await using var ingestion = await TelemetryLoopbackServer.StartAsync();
        var spans = new List<Activity>();
        var points = new List<MetricSnapshot>();
        var logs = new LogText();
        using var api = new ApiFactory(azurite, extra: new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ingestion.ConnectionString,
            ["Email:Sender"] = "Acs",
            ["Email:AcsConnectionString"] = acs.ConnectionString,
            ["Email:MaxRetries"] = "1",
            ["Email:Pacing:PerMinute"] = "0",
            ["Email:Pacing:PerHour"] = "0",
            ["Reminders:SendChangeEmailsAtOnce"] = "false",
        }, underFunctionsHost: true, services: s =>
        {
            s.ConfigureOpenTelemetryTracerProvider(b => b.AddInMemoryExporter(spans));
            s.ConfigureOpenTelemetryMeterProvider(b => b.AddInMemoryExporter(points));
            s.ConfigureOpenTelemetryLoggerProvider(b => b.AddProcessor(logs));
            s.Configure<AzureMonitorOptions>(o => o.EnableLiveMetrics = false);
        });
        api.Clock.SetUtcNow(Saturday);
        var hostTrace = ActivityTraceId.CreateRandom();
        var hostSpan = ActivitySpanId.CreateRandom();

        // A patient screens, books (carrying the host's trace context), books a taken time, downloads the calendar, unsubscribes and cancels.
        using var intakeRequest = new HttpRequestMessage(HttpMethod.Post, "/api/intakes") { Content = System.Net.Http.Json.JsonContent.Create(ApiFactory.EligibleIntake()) };
        intakeRequest.Headers.Add("traceparent", $"00-{hostTrace}-{hostSpan}-01");
        using var intake = await api.Client.SendAsync(intakeRequest);
        var intakeBody = await ApiFactory.JsonAsync(intake);
        var booking = ApiFactory.BookingBody(intakeBody["intakeId"]!.GetValue<string>(), ("amira", Monday9));
        booking["patient"] = new JsonObject { ["name"] = Name, ["email"] = Email };
        using var created = await api.PostAsync("/api/bookings", booking, idempotencyKey: "telemetry-1");
        var createdBody = await ApiFactory.JsonAsync(created);
        var (id, token) = (createdBody["bookingId"]!.GetValue<string>(), createdBody["manageToken"]!.GetValue<string>());
        using var taken = await api.PostAsync("/api/bookings", booking);
        using var calendar = await api.GetAsync($"/api/bookings/{id}/calendar?token={token}");
        var hash = OptOutRepository.AddressHash(Email);
        var unsubscribeToken = api.Services.GetRequiredService<UnsubscribeTokens>().Token(hash);
        using var unsubscribe = await api.Client.PostAsync(new Uri($"/unsubscribe/{hash}/{unsubscribeToken}", UriKind.Relative), new StringContent("List-Unsubscribe=One-Click"));
        using var cancelled = await api.PostAsync($"/api/bookings/{id}/cancel", new JsonObject(), manageToken: token);

        // Ten minutes on, the host fires the sweep; ACS throttles the first send once.
        api.Clock.Advance(TimeSpan.FromMinutes(10));
        acs.FailNext(429, retryAfterSeconds: 0);
        using var sweepRequest = new HttpRequestMessage(HttpMethod.Post, "/ReminderSweep")
        {
            Content = new StringContent("""{"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":false}},"Metadata":{"sys":{"MethodName":"ReminderSweep"}}}""", Encoding.UTF8, "application/json"),
        };
        sweepRequest.Headers.Add("traceparent", $"00-{hostTrace}-{ActivitySpanId.CreateRandom()}-01");
        using var sweep = await api.Client.SendAsync(sweepRequest);

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK],
            [intake.StatusCode, created.StatusCode, taken.StatusCode, calendar.StatusCode, unsubscribe.StatusCode, cancelled.StatusCode, sweep.StatusCode]);
        var requests = await UntilAsync(() => Copy(spans).Where(s => s.Kind == ActivityKind.Server && (string?)s.GetTagItem("server.address") == "localhost").ToList(), r => r.Count >= 8);
        api.Services.GetRequiredService<TracerProvider>().ForceFlush();
        api.Services.GetRequiredService<LoggerProvider>().ForceFlush();

        // Requests: named by route, the host's trace continued.
        var screened = Assert.Single(requests, s => Route(s) == "/api/intakes");
        Assert.Equal(hostTrace, screened.TraceId);
        Assert.Equal(hostSpan, screened.ParentSpanId);
        Assert.Contains(requests, s => Route(s) == "/ReminderSweep" && s.TraceId == hostTrace);
        Assert.Contains(requests, s => Route(s) == "/unsubscribe/{addressHash}/{token}" && (string?)s.GetTagItem("url.path") == "/unsubscribe/{addressHash}/{token}");
        Assert.Contains(requests, s => Route(s) == "/api/bookings" && s.GetTagItem("http.response.status_code") is 409);

        // Dependencies: each Table Storage call is one span, the Azure SDK's operation, with the service's request id
        // (its HTTP attempt is not exported); ACS calls are client spans with nothing nested; all inside the request that made them.
        var all = Copy(spans);
        var tableCalls = all.Where(s => s.Source.Name.StartsWith("Azure.Data.Tables.", StringComparison.Ordinal)).ToList();
        Assert.All(tableCalls, call => Assert.DoesNotContain(all, s => s.ParentSpanId == call.SpanId));
        Assert.Contains(tableCalls, s => s.DisplayName == "TableClient.AddEntity" && s.GetTagItem("az.service_request_id") is string && s.TraceId == hostTrace);
        var dependencies = all.Where(s => s.Kind == ActivityKind.Client).ToList();
        Assert.DoesNotContain(dependencies, s => Url(s).Contains(azurite.ConnectionString.Split("TableEndpoint=")[1].Split(';')[0].TrimEnd('/'), StringComparison.Ordinal));
        var sends = dependencies.Where(s => Url(s).Contains($"{acs.Endpoint.Authority}/emails:send", StringComparison.Ordinal)).ToList();
        Assert.Contains(sends, s => s.TraceId == hostTrace && s.GetTagItem("http.response.status_code") is 429);
        Assert.All(sends, send => Assert.DoesNotContain(all, s => s.ParentSpanId == send.SpanId));

        // Metrics: the product's numbers, with their dimensions.
        var meters = api.Services.GetRequiredService<MeterProvider>();
        await ExpectSumAsync(meters, points, 1, ClinicMetrics.BookingsCreated, ("service.kind", "microneedling"));
        await ExpectSumAsync(meters, points, 1, ClinicMetrics.RequestsRefused, ("function", "CreateBooking"), ("reason", "slot-taken"));
        await ExpectSumAsync(meters, points, 1, ClinicMetrics.BookingsChanged, ("change", "cancelled"), ("by", "patient"));
        await ExpectSumAsync(meters, points, 1, ClinicMetrics.IntakesScreened, ("outcome", "eligible"));
        await ExpectSumAsync(meters, points, 2, ClinicMetrics.RemindersDue);
        await ExpectSumAsync(meters, points, 1, ClinicMetrics.RemindersSent, ("kind", "cancelled"));
        await ExpectSumAsync(meters, points, 1, ClinicMetrics.RemindersSkipped, ("kind", "booking-confirmation"), ("reason", "cancelled"));
        await ExpectSumAsync(meters, points, 1, AcsEmailMetrics.ThrottledName, ("operation", "send"));
        await ExpectSumAsync(meters, points, 1, AcsEmailMetrics.RetriesName, ("operation", "send"));
        var lag = Assert.Single(Points(Copy(points), ClinicMetrics.SweepLag));
        Assert.InRange(lag.GetHistogramSum(), 600, 601);

        // Application Insights got the same, and none of it names the patient.
        await UntilAsync(() => ingestion.Envelopes.ToList(), e => e.Any(l => l.Contains(ClinicMetrics.BookingsCreated, StringComparison.Ordinal)) && e.Any(l => l.Contains("\"RequestData\"", StringComparison.Ordinal)));
        string[] secrets = [Name, "Quincewright", Email, hash, unsubscribeToken, token, intakeBody["intakeToken"]!.GetValue<string>(), "rosacea", "scarsEasily", "fitzpatrick"];
        var captured = Copy(spans).Select(Describe).Concat(Copy(points).SelectMany(p => Tags(p))).Concat(logs.Lines).Concat(ingestion.Envelopes).ToList();
        foreach (var secret in secrets)
        {
            var leak = captured.FirstOrDefault(c => c.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.True(leak is null, $"'{secret}' was captured: {leak}");
        }
    }

    [Fact]
    public async Task Locally_with_otlp_each_table_call_is_one_span_too()
    {
        var spans = new List<Activity>();
        using var api = new ApiFactory(azurite, extra: new Dictionary<string, string?>
        {
            [TelemetryServiceCollectionExtensions.ExporterSetting] = "otlp",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9",
        }, underFunctionsHost: true, services: s => s.ConfigureOpenTelemetryTracerProvider(b => b.AddInMemoryExporter(spans)));

        using var intake = await api.Client.PostAsync(new Uri("/api/intakes", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(ApiFactory.EligibleIntake()));
        api.Services.GetRequiredService<TracerProvider>().ForceFlush();

        Assert.Equal(HttpStatusCode.Created, intake.StatusCode);
        var all = Copy(spans);
        var tableCalls = all.Where(s => s.Source.Name.StartsWith("Azure.Data.Tables.", StringComparison.Ordinal)).ToList();
        Assert.Contains(tableCalls, s => s.DisplayName == "TableClient.AddEntity");
        Assert.All(tableCalls, call => Assert.DoesNotContain(all, s => s.ParentSpanId == call.SpanId));
        Assert.DoesNotContain(all, s => s.Kind == ActivityKind.Client && Url(s).Contains(azurite.ConnectionString.Split("TableEndpoint=")[1].Split(';')[0].TrimEnd('/'), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("console", true)]
    [InlineData("otlp", true)]
    public void Without_application_insights_nothing_is_exported_unless_asked(string? exporter, bool pipeline)
    {
        using var factory = HandlerFactory.Standalone(new Dictionary<string, string?> { [TelemetryServiceCollectionExtensions.ExporterSetting] = exporter });

        Assert.Equal(pipeline, factory.Services.GetService<TracerProvider>() is not null);
        Assert.Equal(pipeline, factory.Services.GetService<MeterProvider>() is not null);
        Assert.NotNull(factory.Services.GetService<ClinicMetrics>());
    }

    [Theory]
    [InlineData(true, true, false)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    public async Task Under_the_host_with_application_insights_the_console_keeps_warnings_only(bool underHost, bool applicationInsights, bool informationOnConsole)
    {
        await using var ingestion = await TelemetryLoopbackServer.StartAsync();
        var settings = new Dictionary<string, string?>();
        if (underHost)
        {
            settings[HostingMode.PortVariable] = "7777";
        }

        if (applicationInsights)
        {
            settings["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ingestion.ConnectionString;
        }

        using var factory = new HandlerFactory(settings, s => s.Configure<AzureMonitorOptions>(o => o.EnableLiveMetrics = false));

        // The app's filter rules, applied to a provider they take for the console one.
        Assert.Equal(typeof(ConsoleLoggerProvider).FullName, typeof(ConsoleStandIn).GetCustomAttribute<ProviderAliasAttribute>()!.Alias);
        using var console = new LoggerFactory([new ConsoleStandIn()], factory.Services.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>());
        var logger = console.CreateLogger("Microneedling.Functions.Bookings.BookingCreation");
        Assert.Equal(informationOnConsole, logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    /// <summary>The exporters add to their lists from their own threads (spans as they end, metrics when collected).</summary>
    private static List<T> Copy<T>(List<T> items)
    {
        while (true)
        {
            try
            {
                return [.. items];
            }
            catch (InvalidOperationException)
            {
                // changed while copied: again
            }
        }
    }

    /// <summary>
    /// Collects until the sum is as expected or time is up. A flush asked for while the reader's
    /// own thread is busy can return before the export lands, so one flush is not proof; a count
    /// that never arrives still fails, with every exported point in the message.
    /// </summary>
    private static async Task ExpectSumAsync(MeterProvider meters, List<MetricSnapshot> points, long expected, string name, params (string Key, string Value)[] tags)
    {
        var actual = 0L;
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            meters.ForceFlush();
            actual = Sum(Copy(points), name, tags);
            if (actual == expected)
            {
                return;
            }
        }

        var exported = Copy(points).GroupBy(m => m.Name).Select(g => g.Last()).Select(m => $"{m.Name}: {string.Join("; ", m.MetricPoints.Select(p => $"{string.Join(',', Tags(p))}={(m.MetricType == MetricType.Histogram ? p.GetHistogramCount() : p.GetSumLong())}"))}");
        Assert.Fail($"{name} {string.Join(',', tags.Select(t => $"{t.Key}={t.Value}"))}: expected {expected}, got {actual}. Exported:\n{string.Join('\n', exported)}");
    }

    private static string? Route(Activity span) => span.GetTagItem("http.route") is string route ? "/" + route.Trim('/') : null;

    private static string Url(Activity span) => span.GetTagItem("url.full") as string ?? string.Empty;

    private static string Describe(Activity span) =>
        string.Join(' ', [span.DisplayName, span.StatusDescription ?? string.Empty,
            .. span.TagObjects.Select(t => $"{t.Key}={t.Value}"),
            .. span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}")),
            .. span.Baggage.Select(b => $"{b.Key}={b.Value}")]);

    private static IEnumerable<MetricPoint> Points(List<MetricSnapshot> points, string name)
    {
        // The last export holds the cumulative totals.
        var last = points.LastOrDefault(m => m.Name == name);
        return last is null ? [] : last.MetricPoints;
    }

    private static long Sum(List<MetricSnapshot> points, string name, params (string Key, string Value)[] tags) =>
        Points(points, name).Where(p => tags.All(t => Tags(p).Contains($"{t.Key}={t.Value}"))).Sum(p => p.GetSumLong());

    private static List<string> Tags(MetricPoint point)
    {
        var tags = new List<string>();
        foreach (var tag in point.Tags)
        {
            tags.Add($"{tag.Key}={tag.Value}");
        }

        return tags;
    }

    private static IEnumerable<string> Tags(MetricSnapshot snapshot) => snapshot.MetricPoints.SelectMany(Tags);

    private static async Task<T> UntilAsync<T>(Func<T> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var value = read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }

    [ProviderAlias("Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider")]
    private sealed class ConsoleStandIn : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }

        public void Dispose()
        {
        }
    }

    /// <summary>Each log record as text when it is emitted (records are pooled), scopes and exception included.</summary>
    private sealed class LogText : BaseProcessor<LogRecord>
    {
        private readonly List<string> _lines = [];

        public List<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public override void OnEnd(LogRecord data)
        {
            var text = new StringBuilder($"{data.CategoryName} {data.FormattedMessage} {data.Body} {data.Exception}");
            foreach (var attribute in data.Attributes ?? [])
            {
                text.Append(CultureInfo.InvariantCulture, $" {attribute.Key}={attribute.Value}");
            }

            data.ForEachScope((scope, sb) => sb.Append(CultureInfo.InvariantCulture, $" scope={scope.Scope}"), text);
            lock (_lines)
            {
                _lines.Add(text.ToString());
            }
        }
    }
}
