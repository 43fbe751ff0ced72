using Microneedling.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Microneedling.Functions.Api;

/// <summary>
/// RFC 9457 problem details with a stable <c>type</c> per failure (<c>/problems/{code}</c>), so a
/// client can branch on the type, and a <c>title</c>/<c>detail</c> a person can read.
/// </summary>
public static class Problems
{
    public const string TypePrefix = "/problems/";

    public static ProblemHttpResult Of(int status, string code, string title, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Type = TypePrefix + code,
            Title = title,
            Detail = detail,
            Extensions = extensions ?? new Dictionary<string, object?>(),
        });

    /// <summary>Invalid fields, each with what is wrong (<c>errors</c>), as the same result type as every other problem.</summary>
    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Type = TypePrefix + "validation",
            Title = "The request has invalid fields.",
        });

    /// <summary>Rule violations: the first one's code is the type; all of them are listed.</summary>
    public static ProblemHttpResult Rules(int status, RuleResult rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var first = rules.Violations[0];
        return Of(status, first.Code, "The request breaks a booking rule.", first.Message, new Dictionary<string, object?>
        {
            ["violations"] = rules.Violations.Select(v => new { code = v.Code, message = v.Message }).ToArray(),
        });
    }

    /// <summary>Unknown booking and wrong token look the same, so a guess learns nothing.</summary>
    public static ProblemHttpResult BookingNotFound() =>
        Of(StatusCodes.Status404NotFound, "booking-not-found", "No booking matches this id and manage token.");

    public static ProblemHttpResult ManageTokenMissing() =>
        Of(StatusCodes.Status401Unauthorized, "manage-token-missing", "Send the booking's manage token in the X-Manage-Token header.");

    /// <summary>The session whose time was taken is named, so a page can offer fresh times for it.</summary>
    public static ProblemHttpResult SlotTaken(int? sessionNumber) =>
        Of(StatusCodes.Status409Conflict, "slot-taken", "That time has just been booked by someone else.",
            sessionNumber is { } n ? $"Session {n}'s time is no longer free; please choose another." : null,
            sessionNumber is { } number ? new Dictionary<string, object?> { ["sessionNumber"] = number } : null);

    public static ProblemHttpResult ChangedMeanwhile() =>
        Of(StatusCodes.Status409Conflict, "changed-meanwhile", "The booking changed while this request ran; read it again and retry.");
}
