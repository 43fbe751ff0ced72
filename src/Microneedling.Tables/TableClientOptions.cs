using Azure.Core;

namespace Microneedling.Tables;

/// <summary>Options for <see cref="TableServiceClient"/> and <see cref="TableClient"/>: retries, diagnostics and transport come from <see cref="ClientOptions"/>.</summary>
public sealed class TableClientOptions : ClientOptions
{
    /// <summary>The REST API version sent as <c>x-ms-version</c>.</summary>
    public string ServiceVersion { get; set; } = "2019-02-02";

    /// <summary>The clock used to date and sign requests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
