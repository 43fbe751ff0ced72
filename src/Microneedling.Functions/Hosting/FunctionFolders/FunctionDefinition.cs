using System.Text.Json.Nodes;

namespace Microneedling.Functions.Hosting.FunctionFolders;

/// <summary>One function folder next to host.json: its name and its function.json.</summary>
public sealed record FunctionDefinition(string Name, JsonObject FunctionJson);
