namespace Microneedling.Functions.Hosting;

/// <summary>Marks an endpoint that belongs to the custom-handler protocol, not to the API.</summary>
public sealed class NotAFunctionMetadata;
