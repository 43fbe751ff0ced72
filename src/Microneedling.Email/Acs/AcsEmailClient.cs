using System.Buffers;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Microneedling.Email.Acs;

/// <summary>
/// Azure Communication Services Email over REST (<c>POST /emails:send</c>, <c>GET /emails/operations/{id}</c>),
/// shaped like the Azure SDK: retries (429 and 5xx, honouring Retry-After) come from the Azure.Core
/// pipeline; every send carries the message's <c>Operation-Id</c>, so retries never make a second email.
/// </summary>
public sealed class AcsEmailClient
{
    private static readonly ResponseClassifier Accepted = new StatusCodeClassifier(stackalloc ushort[] { 202 });
    private static readonly ResponseClassifier Ok = new StatusCodeClassifier(stackalloc ushort[] { 200 });
    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;
    private readonly string _apiVersion;

    public AcsEmailClient(string connectionString, AcsEmailClientOptions? options = null)
        : this(AcsConnectionString.Parse(connectionString), options ?? new AcsEmailClientOptions())
    {
    }

    public AcsEmailClient(Uri endpoint, TokenCredential credential, AcsEmailClientOptions? options = null)
        : this(endpoint, options ?? new AcsEmailClientOptions(), new BearerTokenAuthenticationPolicy(credential, "https://communication.azure.com//.default"))
    {
    }

    private AcsEmailClient(AcsConnectionString connection, AcsEmailClientOptions options)
        : this(connection.Endpoint, options, new AcsHmacPolicy(connection.AccessKey, options.TimeProvider))
    {
    }

    private AcsEmailClient(Uri endpoint, AcsEmailClientOptions options, HttpPipelinePolicy auth)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _endpoint = endpoint;
        _apiVersion = options.ApiVersion;
        _pipeline = HttpPipelineBuilder.Build(options, [], [auth, new AcsEmailMetrics.Policy()], new ResponseClassifier());
    }

    public async Task<Response<EmailSendResult>> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var http = _pipeline.CreateMessage(null, Accepted);
        http.Request.Method = RequestMethod.Post;
        http.Request.Uri.Reset(_endpoint);
        http.Request.Uri.AppendPath("/emails:send", escape: false);
        http.Request.Uri.AppendQuery("api-version", _apiVersion);
        http.Request.Headers.SetValue("Operation-Id", message.OperationId.ToString());
        http.Request.Headers.SetValue("Content-Type", "application/json");
        http.Request.Content = RequestContent.Create(AcsEmailJson.Request(message));
        return Response.FromValue(ReadStatus(await SendAsync(http, cancellationToken).ConfigureAwait(false), message.OperationId), http.Response);
    }

    public async Task<Response<EmailSendResult>> GetStatusAsync(Guid operationId, CancellationToken cancellationToken = default)
    {
        using var http = _pipeline.CreateMessage(null, Ok);
        http.Request.Method = RequestMethod.Get;
        http.Request.Uri.Reset(_endpoint);
        http.Request.Uri.AppendPath("/emails/operations/", escape: false);
        http.Request.Uri.AppendPath(operationId.ToString(), escape: true);
        http.Request.Uri.AppendQuery("api-version", _apiVersion);
        return Response.FromValue(ReadStatus(await SendAsync(http, cancellationToken).ConfigureAwait(false), operationId), http.Response);
    }

    private async Task<Response> SendAsync(HttpMessage http, CancellationToken cancellationToken)
    {
        await _pipeline.SendAsync(http, cancellationToken).ConfigureAwait(false);
        return http.Response.IsError ? throw new RequestFailedException(http.Response) : http.Response;
    }

    private static EmailSendResult ReadStatus(Response response, Guid operationId)
    {
        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var root = json.RootElement;
        var state = root.TryGetProperty("status", out var s) && Enum.TryParse<EmailDeliveryState>(s.GetString(), ignoreCase: true, out var parsed)
            ? parsed : EmailDeliveryState.Running;
        var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object && e.TryGetProperty("message", out var m) ? m.GetString() : null;
        return new EmailSendResult(operationId, state, error);
    }
}

/// <summary>The ACS send request body.</summary>
internal static class AcsEmailJson
{
    public static ReadOnlyMemory<byte> Request(EmailMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("senderAddress", message.From.Address);
            w.WriteStartObject("recipients");
            w.WriteStartArray("to");
            Address(w, message.To);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("content");
            w.WriteString("subject", HeaderSafety.SingleLine(message.Subject));
            w.WriteString("plainText", message.PlainText);
            w.WriteString("html", message.Html);
            w.WriteEndObject();
            if (message.Headers.Count > 0)
            {
                w.WriteStartObject("headers");
                foreach (var (name, value) in message.Headers)
                {
                    w.WriteString(HeaderSafety.SingleLine(name), HeaderSafety.SingleLine(value));
                }

                w.WriteEndObject();
            }

            if (message.Attachments.Count > 0)
            {
                w.WriteStartArray("attachments");
                foreach (var a in message.Attachments)
                {
                    w.WriteStartObject();
                    w.WriteString("name", HeaderSafety.SingleLine(a.Name));
                    w.WriteString("contentType", HeaderSafety.SingleLine(a.ContentType));
                    w.WriteBase64String("contentInBase64", a.Content.Span);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            if (message.ReplyTo is { } replyTo)
            {
                w.WriteStartArray("replyTo");
                Address(w, replyTo);
                w.WriteEndArray();
            }

            w.WriteBoolean("userEngagementTrackingDisabled", true);
            w.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    private static void Address(Utf8JsonWriter w, EmailAddress address)
    {
        HeaderSafety.CheckAddress(address);
        w.WriteStartObject();
        w.WriteString("address", address.Address);
        if (!string.IsNullOrWhiteSpace(address.DisplayName))
        {
            w.WriteString("displayName", HeaderSafety.SingleLine(address.DisplayName));
        }

        w.WriteEndObject();
    }
}
