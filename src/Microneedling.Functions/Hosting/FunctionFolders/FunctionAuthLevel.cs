namespace Microneedling.Functions.Hosting.FunctionFolders;

/// <summary>The Functions host's key requirement for an HTTP function (function.json <c>authLevel</c>).</summary>
public enum FunctionAuthLevel
{
    Anonymous,
    Function,
    Admin,
}

/// <summary>Endpoint metadata that sets the function's <see cref="FunctionAuthLevel"/>; anonymous when absent.</summary>
public sealed record FunctionAuthLevelMetadata(FunctionAuthLevel Level);
