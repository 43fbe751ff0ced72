using System.Security.Cryptography;
using System.Text;
using Microneedling.Storage.Audit;

namespace Microneedling.Functions.Api;

/// <summary>Marks a staff endpoint whose calls go into the audit trail, and which route values name the record it acts on.</summary>
public sealed record AuditedActionMetadata(string Action, IReadOnlyList<string> RecordRouteValues);

public static class StaffAudit
{
    /// <summary>The header Easy Auth (App Service authentication) sets to the signed-in caller's name.</summary>
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL-NAME";

    private const int MaxLength = 1000;
    private static readonly object RecordKey = new();

    /// <summary>Every call of this endpoint is appended to the audit trail, with the record the route values name.</summary>
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder builder, string action, params string[] recordRouteValues) =>
        builder.WithMetadata(new AuditedActionMetadata(action, recordRouteValues));

    /// <summary>The record an endpoint acted on when no route value names it (the bookings an erasure found); never personal data.</summary>
    public static void SetAuditRecord(this HttpContext http, string record)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Items[RecordKey] = record;
    }

    /// <summary>Who called: a fingerprint of the function key (the first 8 bytes of its SHA-256, never the key) and Easy Auth's principal when present.</summary>
    public static string Caller(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parts = new List<string>(2);
        if (StaffKeyFilter.PresentedKey(request) is { Length: > 0 } key)
        {
            parts.Add("key:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 8)));
        }

        if (request.Headers[PrincipalHeader].ToString() is { Length: > 0 } principal)
        {
            parts.Add("principal:" + Bounded(principal, 200));
        }

        return parts.Count == 0 ? "unknown" : string.Join(' ', parts);
    }

    internal static string Record(HttpContext http, AuditedActionMetadata action) =>
        Bounded(http.Items.TryGetValue(RecordKey, out var set) && set is string record
            ? record
            : string.Join('/', action.RecordRouteValues.Select(name => http.Request.RouteValues[name]?.ToString() ?? string.Empty)), MaxLength);

    private static string Bounded(string text, int length) =>
        new([.. (text.Length <= length ? text : text[..length]).Where(c => !char.IsControl(c))]);
}

/// <summary>
/// Appends each call of an audited staff endpoint to the audit trail once it has been answered:
/// when, which action, which record, who called and the status. A call that throws is recorded as
/// a 500 before the exception goes on.
/// </summary>
public sealed class StaffAuditFilter(AuditRepository audit, TimeProvider clock) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.GetEndpoint()?.Metadata.GetMetadata<AuditedActionMetadata>() is not { } action)
        {
            return await next(context).ConfigureAwait(false);
        }

        object? result;
        try
        {
            result = await next(context).ConfigureAwait(false);
        }
        catch (Exception) when (!http.RequestAborted.IsCancellationRequested)
        {
            await AppendAsync(http, action, StatusCodes.Status500InternalServerError, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await AppendAsync(http, action, StatusOf(result), http.RequestAborted).ConfigureAwait(false);
        return result;
    }

    /// <summary>The status a handler's answer will have, looking inside typed <c>Results&lt;…&gt;</c>.</summary>
    private static int StatusOf(object? result) => result switch
    {
        INestedHttpResult nested => StatusOf(nested.Result),
        IStatusCodeHttpResult { StatusCode: { } status } => status,
        _ => StatusCodes.Status200OK,
    };

    private Task AppendAsync(HttpContext http, AuditedActionMetadata action, int status, CancellationToken ct) =>
        audit.AppendAsync(clock.GetUtcNow(), action.Action, StaffAudit.Record(http, action), StaffAudit.Caller(http.Request), status, ct);
}
