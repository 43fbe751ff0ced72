using System.Buffers;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Microneedling.Tables.Pipeline;

/// <summary>
/// What the Table clients share: the Azure.Core pipeline (retries, Retry-After, logging and
/// tracing), the service endpoint, and the headers every Table request carries.
/// </summary>
internal sealed class TableTransport
{
    public const string AcceptJson = "application/json;odata=minimalmetadata";
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    private readonly string _version;

    private TableTransport(HttpPipeline pipeline, Uri endpoint, string version)
    {
        Pipeline = pipeline;
        Endpoint = new Uri(endpoint.AbsoluteUri.TrimEnd('/'));
        _version = version;
    }

    public HttpPipeline Pipeline { get; }

    public Uri Endpoint { get; }

    public static TableTransport Create(Uri endpoint, TableSharedKeyCredential credential, TableClientOptions? options)
    {
        options ??= new TableClientOptions();
        return Build(endpoint, options, new TableSharedKeyPipelinePolicy(credential, options.TimeProvider));
    }

    public static TableTransport Create(Uri endpoint, TokenCredential credential, TableClientOptions? options)
    {
        options ??= new TableClientOptions();
        return Build(endpoint, options, new BearerTokenAuthenticationPolicy(credential, "https://storage.azure.com/.default"));
    }

    public static TableTransport Create(TableConnectionString connection, TableClientOptions? options)
    {
        options ??= new TableClientOptions();
        return connection.Credential is { } key
            ? Create(connection.TableEndpoint, key, options)
            : Build(connection.TableEndpoint, options, new SharedAccessSignaturePolicy(connection.SharedAccessSignature!));
    }

    private static TableTransport Build(Uri endpoint, TableClientOptions options, HttpPipelinePolicy auth)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var pipeline = HttpPipelineBuilder.Build(options, [], [auth], new ResponseClassifier());
        return new TableTransport(pipeline, endpoint, options.ServiceVersion);
    }

    public HttpMessage CreateMessage(RequestMethod method, string escapedPath, ResponseClassifier classifier)
    {
        var message = Pipeline.CreateMessage(null, classifier);
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(Endpoint);
        request.Uri.AppendPath(escapedPath, escape: false);
        request.Headers.SetValue("x-ms-version", _version);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue("Accept", AcceptJson);
        return message;
    }

    public static void SetJsonContent(HttpMessage message, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Content = RequestContent.Create(buffer.WrittenMemory);
    }

    public async ValueTask<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.IsError)
        {
            throw Failure(response);
        }

        return response;
    }

    public static RequestFailedException Failure(Response response) => new(response, null, TableErrorDetailsParser.Instance);

    public static ResponseClassifier Expect(params ushort[] statuses) => new StatusCodeClassifier(statuses);
}
