using Microneedling.Functions.Api;
using Microneedling.Functions.Availability;
using Microneedling.Functions.Bookings;
using Microneedling.Functions.Catalog;
using Microneedling.Functions.Clinics;
using Microneedling.Functions.Email;
using Microneedling.Functions.Health;
using Microneedling.Functions.Hosting;
using Microneedling.Functions.Hosting.FunctionFolders;
using Microneedling.Functions.Hosting.Timers;
using Microneedling.Functions.Intakes;
using Microneedling.Functions.Pages;
using Microneedling.Functions.PatientData;
using Microneedling.Functions.PatientLinks;
using Microneedling.Functions.Reminders;
using Microneedling.Functions.Staff;
using Microneedling.Functions.Telemetry;
using Microneedling.Storage.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCustomHandlerHosting();
builder.AddClinic();
builder.AddTelemetry();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddTimerFunctions();
builder.AddHttpApi();
builder.Services.AddClinicStorage(builder.Configuration.GetSection(TableStorageOptions.Section), builder.Configuration[$"{ApiOptions.Section}:{nameof(ApiOptions.TablePrefix)}"] ?? string.Empty);
builder.Services.AddEmail(builder.Configuration);
builder.Services.AddPatientLinks(builder.Configuration);
builder.Services.AddIntakes();
builder.Services.AddAvailability();
builder.Services.AddBookings();
builder.Services.AddStaff();
builder.Services.AddReminders(builder.Configuration);
builder.Services.AddPatientData();
builder.Services.AddPages();

var app = builder.Build();
app.UseCustomHandlerReadiness();
app.UseTableCreationGate();
app.MapTimerInvocations();
app.MapHealthEndpoints();
app.UseHttpApi();
app.MapCatalogEndpoints();
app.MapIntakeEndpoints();
app.MapAvailabilityEndpoints();
app.MapBookingEndpoints();
app.MapRescheduleAvailabilityEndpoints();
app.MapStaffEndpoints();
app.MapReminderEndpoints();
app.MapPatientDataEndpoints();
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
