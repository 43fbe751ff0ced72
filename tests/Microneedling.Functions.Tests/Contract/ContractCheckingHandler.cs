namespace Microneedling.Functions.Tests.Contract;

/// <summary>
/// Sits between a test and the in-process app: every exchange under /api/ is judged against the
/// served OpenAPI document, and a violation fails the test that made it.
/// </summary>
public sealed class ContractCheckingHandler(Func<ApiContract> contract) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.RequestUri!.AbsolutePath;
        if (!ApiContract.Covers(request.Method.Method, path))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var requestBody = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var responseBody = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query);
        var exchange = new Exchange(
            request.Method.Method,
            path,
            query.AllKeys.OfType<string>().ToDictionary(k => k, k => query[k]!, StringComparer.Ordinal),
            ApiContract.MediaType(request.Content?.Headers.ContentType),
            requestBody,
            (int)response.StatusCode,
            ApiContract.MediaType(response.Content.Headers.ContentType),
            responseBody,
            response.Headers.Location is not null);
        var violations = contract().Violations(exchange);
        return violations.Count == 0 ? response
            : throw new ContractViolationException($"{exchange.Method} {path} answered {exchange.Status}, against the OpenAPI document:\n  " + string.Join("\n  ", violations));
    }
}

public sealed class ContractViolationException : Exception
{
    public ContractViolationException()
    {
    }

    public ContractViolationException(string message)
        : base(message)
    {
    }

    public ContractViolationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
