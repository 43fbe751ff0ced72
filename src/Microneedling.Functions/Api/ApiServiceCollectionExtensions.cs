using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microneedling.Functions.Staff;
using Microneedling.Functions.Availability;
using Microneedling.Functions.Bookings;
using Microneedling.Functions.Catalog;
using Microneedling.Functions.Intakes;
using Microneedling.Functions.PatientData;
using Microneedling.Functions.Reminders;
using Microneedling.Functions.Timers;
using Microneedling.Storage.Bookings;
using Microneedling.Storage.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Microneedling.Functions.Api;

public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Origins of the clinic's websites allowed to call the public API from a browser.</summary>
    public List<string> CorsOrigins { get; set; } = [];

    /// <summary>Creating requests (intakes, bookings, changes) per client address per minute.</summary>
    public int PublicWritesPerMinute { get; set; } = 30;

    /// <summary>The app's public base URL: emails link to its pages (book, manage, unsubscribe) unless the clinic hosts its own.</summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>Prefix for table names, so several environments can share an account.</summary>
    public string TablePrefix { get; set; } = string.Empty;
}

public static class ApiServiceCollectionExtensions
{
    public const string PublicWritesPolicy = "public-writes";

    public static WebApplicationBuilder AddClinicApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var api = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        var services = builder.Services;
        services.Configure<ApiOptions>(builder.Configuration.GetSection(ApiOptions.Section));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 64 * 1024);

        services.AddClinicStorage(builder.Configuration.GetSection(TableStorageOptions.Section), api.TablePrefix);
        services.AddOptions<ManageTokenOptions>().Bind(builder.Configuration.GetSection(ManageTokenOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<ManageTokenOptions>, ManageTokenOptionsValidator>();
        services.AddSingleton<ManageTokens>();
        services.Configure<StaffOptions>(builder.Configuration.GetSection(StaffOptions.Section));
        services.AddSingleton<StaffKeyFilter>();
        services.AddSingleton<BookingCreation>();
        services.AddSingleton<BookingService>();
        services.AddSingleton<BookingCalendarService>();
        services.AddSingleton<IntakeService>();
        services.AddSingleton<IntakeTokens>();
        services.AddSingleton<AvailabilityService>();
        services.AddSingleton<StaffService>();
        services.AddTimerFunction<BookingRecoveryTimer>("BookingRecovery", "BookingRecoverySchedule", "30 */2 * * * *");
        services.AddSingleton<ReminderScheduler>();
        services.AddSingleton<IBookingFollowUp>(sp => sp.GetRequiredService<ReminderScheduler>());
        services.AddSingleton<OptOuts>();
        services.AddSingleton<ReminderEmails>();
        services.AddSingleton<ReminderSnapshots>();
        services.AddSingleton<ReminderDelivery>();
        services.AddSingleton<ReminderSweep>();
        services.Configure<ChangeEmailOptions>(builder.Configuration.GetSection(ChangeEmailOptions.Section));
        services.AddSingleton<ChangeEmailQueue>();
        services.AddHostedService<ChangeEmailDispatcher>();
        services.AddTimerFunction<ReminderSweepTimer>("ReminderSweep", "ReminderSweepSchedule", "0 * * * * *");
        services.AddPatientData();

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddProblemDetails();
        services.AddOpenApi(o => o.Describe().DescribeSchemas());
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor);
        services.AddCors(o => o.AddDefaultPolicy(p => p
            .WithOrigins([.. api.CorsOrigins])
            .WithMethods("GET", "POST")
            .WithHeaders("Content-Type", BookingEndpoints.IdempotencyKeyHeader, BookingEndpoints.ManageTokenHeader, IntakeEndpoints.IntakeTokenHeader)
            .WithExposedHeaders("Location", "Retry-After")));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(PublicWritesPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, api.PublicWritesPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.Response.WriteAsJsonAsync(new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Type = Problems.TypePrefix + "too-many-requests",
                    Title = "Too many requests from this address; try again after the Retry-After delay.",
                }, (JsonSerializerOptions?)null, "application/problem+json", ct).ConfigureAwait(false);
            };
        });
        return builder;
    }

    public static WebApplication UseClinicApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors();
        app.UseRateLimiter();
        app.MapOpenApi("/api/openapi.json").WithName("OpenApi");
        app.MapCatalogEndpoints();
        app.MapIntakeEndpoints();
        app.MapAvailabilityEndpoints();
        app.MapBookingEndpoints();
        app.MapRescheduleAvailabilityEndpoints();
        app.MapStaffEndpoints();
        app.MapReminderEndpoints();
        app.MapPatientDataEndpoints();
        return app;
    }
}
