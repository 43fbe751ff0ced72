using System.Text.Json.Nodes;
using Microneedling.Functions.Hosting.FunctionFolders;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Microneedling.Functions.Api;

/// <summary>Marks an endpoint that needs the booking's manage token (X-Manage-Token).</summary>
public sealed class ManageTokenRequiredMetadata;

/// <summary>Marks an endpoint that needs the intake's token (X-Intake-Token).</summary>
public sealed class IntakeTokenRequiredMetadata;

/// <summary>
/// What the generated OpenAPI document cannot know by itself: how each operation is secured, what
/// the tags mean, and example request bodies.
/// </summary>
public static class OpenApiDescriptions
{
    public const string FunctionKey = "functionKey";
    public const string ManageToken = "manageToken";
    public const string IntakeToken = "intakeToken";

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Health"] = "Whether the app can reach its dependencies.",
        ["Catalog"] = "What the clinic offers, where, by whom and for how much.",
        ["Intake"] = "Screening before treatment: contraindications, scar type and severity.",
        ["Availability"] = "Free start times, in the clinic's time zone.",
        ["Bookings"] = "Booking, reading, moving and cancelling sessions; changes need the manage token.",
        ["Staff"] = "Clinic staff operations; need the function key.",
    };

    private static readonly Dictionary<string, JsonNode> RequestExamples = new()
    {
        ["SubmitIntake"] = JsonNode.Parse("""
            {"activeBreakout":false,"rosacea":false,"eczema":false,"irritatedSunburntOrInflamedSkin":false,"pregnant":false,
             "radiationTreatment":"none","scarsEasily":false,"otherSkinConditionInArea":false,"scarTypes":["rolling","boxcar"],
             "severity":"moderate","fitzpatrickType":4,"preferredFirstSessionDate":"2026-12-07"}
            """)!,
        ["CreateBooking"] = JsonNode.Parse("""
            {"intakeId":"in_3f1c9a2b7d4e5f6a7b8c9d0e","serviceId":"microneedling","locationId":"soho","addOnIds":["prp"],
             "patient":{"name":"Zoë O'Brien","email":"zoe@example.com"},
             "sessions":[{"practitionerId":"amira","start":"2026-12-07T09:00:00Z"},{"practitionerId":"amira","start":"2027-01-04T09:00:00Z"}]}
            """)!,
        ["RescheduleSession"] = JsonNode.Parse("""{"start":"2027-01-06T10:30:00Z"}""")!,
        ["CancelBooking"] = JsonNode.Parse("""{"sessionNumbers":[2]}""")!,
        ["StaffRecordAttendance"] = JsonNode.Parse("""{"status":"attended"}""")!,
    };

    public static OpenApiOptions Describe(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "MicroneedlingFunctions API";
            document.Info.Description = "Intake screening, treatment plans, availability and bookings for a microneedling clinic. Errors are RFC 9457 problem details whose type names the failure.";
            document.Info.Version = "1.0";
            document.Servers = [new OpenApiServer { Url = "/", Description = "This function app (paths include /api)." }];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                [FunctionKey] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "x-functions-key", Description = "The function key (also accepted as ?code=)." },
                [ManageToken] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Manage-Token", Description = "The booking's manage token, returned once when it was created and sent in the patient's email." },
                [IntakeToken] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Intake-Token", Description = "The intake's token, returned once when the intake was submitted." },
            };
            document.Tags = new HashSet<OpenApiTag>(TagDescriptions.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var scheme = metadata.OfType<FunctionAuthLevelMetadata>().Any(m => m.Level != FunctionAuthLevel.Anonymous) ? FunctionKey
                : metadata.OfType<ManageTokenRequiredMetadata>().Any() ? ManageToken
                : metadata.OfType<IntakeTokenRequiredMetadata>().Any() ? IntakeToken
                : null;
            operation.Security = scheme is null
                ? [new OpenApiSecurityRequirement()]
                : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] }];
            if (operation.OperationId is { } id && RequestExamples.TryGetValue(id, out var example)
                && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true)
            {
                media.Example = example.DeepClone();
            }

            return Task.CompletedTask;
        });
        return options;
    }
}
