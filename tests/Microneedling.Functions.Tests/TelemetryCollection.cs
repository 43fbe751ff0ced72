using Microneedling.Testing;

namespace Microneedling.Functions.Tests;

/// <summary>
/// Telemetry tests run alone, after the others: every meter provider in the process listens to the
/// email client's process-wide meter, so another test's throttled send would count in theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Telemetry";
}
