using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.HttpOverrides;

namespace Microneedling.Functions.Api;

/// <summary>What every endpoint of the API shares: JSON rules, problem details, OpenAPI, CORS, limits and the staff key.</summary>
public static class HttpApiExtensions
{
    public static WebApplicationBuilder AddHttpApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var api = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        var services = builder.Services;
        services.Configure<ApiOptions>(builder.Configuration.GetSection(ApiOptions.Section));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 64 * 1024);
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
            .WithHeaders("Content-Type", ApiHeaders.IdempotencyKey, ApiHeaders.ManageToken, ApiHeaders.IntakeToken)
            .WithExposedHeaders("Location", "Retry-After")));
        services.AddPublicWriteLimits(api.PublicWritesPerMinute);
        services.Configure<StaffOptions>(builder.Configuration.GetSection(StaffOptions.Section));
        services.AddSingleton<StaffKeyFilter>();
        return builder;
    }

    public static WebApplication UseHttpApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors();
        app.UseRateLimiter();
        app.MapOpenApi("/api/openapi.json").WithName("OpenApi");
        return app;
    }
}
