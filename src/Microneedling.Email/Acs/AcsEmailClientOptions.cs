using Azure.Core;

namespace Microneedling.Email.Acs;

public sealed class AcsEmailClientOptions : ClientOptions
{
    public string ApiVersion { get; set; } = "2025-09-01";

    /// <summary>The clock that dates signed requests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
