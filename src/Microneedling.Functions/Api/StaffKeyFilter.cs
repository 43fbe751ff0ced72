using System.Security.Cryptography;
using System.Text;
using Microneedling.Functions.Hosting;
using Microsoft.Extensions.Options;

namespace Microneedling.Functions.Api;

public sealed class StaffOptions
{
    public const string Section = "Staff";

    /// <summary>The function key staff calls must carry when no Functions host checks it for us.</summary>
    public string? Key { get; set; }
}

/// <summary>
/// Under the Functions host, staff functions have authLevel "function" and the host checks the key
/// before forwarding. Standalone, this filter does the same check (x-functions-key or ?code=), so
/// the behaviour is identical.
/// </summary>
public sealed class StaffKeyFilter(HostingMode mode, IOptions<StaffOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (mode.UnderFunctionsHost)
        {
            return await next(context).ConfigureAwait(false);
        }

        var presented = PresentedKey(context.HttpContext.Request);
        var expected = options.Value.Key;
        if (string.IsNullOrEmpty(expected) || string.IsNullOrEmpty(presented)
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected)))
        {
            return Problems.Of(StatusCodes.Status401Unauthorized, "staff-key-required", "Staff functions need the function key (x-functions-key header or ?code=).");
        }

        return await next(context).ConfigureAwait(false);
    }

    /// <summary>The key a call carries, as the host reads it: the x-functions-key header, else ?code=.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.TryGetValue("x-functions-key", out var header) ? header.ToString()
            : request.Query.TryGetValue("code", out var code) ? code.ToString() : null;
    }
}
