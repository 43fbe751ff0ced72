using Microneedling.Functions.Api;
using Microneedling.Functions.Clinics;
using Microneedling.Functions.Email;
using Microneedling.Functions.FunctionMetadata;
using Microneedling.Functions.Health;
using Microneedling.Functions.Hosting;
using Microneedling.Functions.Pages;
using Microneedling.Functions.Timers;

var builder = WebApplication.CreateBuilder(args);
builder.AddCustomHandlerHosting();
builder.AddClinic();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddTimerFunctions();
builder.AddClinicApi();
builder.Services.AddEmail(builder.Configuration);
builder.Services.AddPages();

var app = builder.Build();
app.MapCustomHandlerReadiness();
app.MapTimerInvocations();
app.MapHealthEndpoints();
app.UseClinicApi();
app.MapPages();

if (FunctionManifestCommand.IsRequested(args))
{
    FunctionManifestCommand.Run(app, args);
    return;
}

if (app.Services.GetRequiredService<HostingMode>().UnderFunctionsHost && !app.Environment.IsDevelopment())
{
    AzureAppSettings.CheckPresent(app.Configuration, app.Services.GetServices<TimerDefinition>());
}

app.Run();

/// <summary>The entry point, visible to in-process tests.</summary>
public partial class Program;
