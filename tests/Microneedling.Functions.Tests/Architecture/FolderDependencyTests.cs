using Microneedling.Domain.Clinics;
using Microneedling.Storage;
using Xunit.Abstractions;

namespace Microneedling.Functions.Tests.Architecture;

/// <summary>
/// The folders of the function app and which way they may lean: features use the shared folders
/// and Storage/Domain, shared folders use no feature, and no folders use each other in a loop.
/// The listing is printed (scripts/dependencies.sh shows it).
/// </summary>
public sealed class FolderDependencyTests(ITestOutputHelper output)
{
    /// <summary>What every feature may build on: HTTP conventions, hosting, patient links, clinic configuration, email wiring, telemetry.</summary>
    private static readonly string[] Shared = ["Api", "Hosting", "PatientLinks", "Clinics", "Email", "Telemetry"];

    private static readonly Lazy<FolderDependencies> Functions = new(() =>
        FolderDependencies.Of(typeof(Program).Assembly.Location, "Microneedling.Functions"));

    [Fact]
    public void No_folders_of_the_function_app_use_each_other_in_a_loop()
    {
        var graph = Functions.Value;
        output.WriteLine(graph.Listing());
        var cycles = graph.Cycles();
        Assert.True(cycles.Count == 0, "Folders in a loop:\n" + string.Join('\n', cycles.Select(c => string.Join(" <-> ", c) + ":\n  " + Why(graph, c))));
    }

    [Fact]
    public void Shared_folders_use_no_feature()
    {
        var graph = Functions.Value;
        var wrong = graph.Edges
            .Where(e => Shared.Contains(e.Key))
            .SelectMany(e => e.Value.Where(to => !Shared.Contains(to)).Select(to => (e.Key, to)))
            .ToList();
        Assert.True(wrong.Count == 0, "Shared folders using features:\n" + string.Join('\n', wrong.SelectMany(w => graph.Witnesses[w])));
    }

    [Fact]
    public void Nothing_but_the_entry_point_uses_the_composition_root()
    {
        Assert.DoesNotContain(Functions.Value.Edges, e => e.Key != FolderDependencies.Root && e.Value.Contains(FolderDependencies.Root));
    }

    [Fact]
    public void Every_shared_folder_exists_so_the_rules_above_check_something()
    {
        Assert.Subset(Functions.Value.Edges.Keys.ToHashSet(), Shared.ToHashSet());
    }

    [Theory]
    [InlineData(typeof(ClinicTables), new[] { "Microneedling.Functions", "Microneedling.Email", "Microneedling.Calendar" })]
    [InlineData(typeof(Clinic), new[] { "Microneedling.Functions", "Microneedling.Storage", "Microneedling.Email", "Microneedling.Calendar" })]
    public void Lower_layers_use_nothing_above_them(Type member, string[] above)
    {
        var references = member.Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.Empty(references.Intersect(above));
        using var module = Mono.Cecil.ModuleDefinition.ReadModule(member.Assembly.Location);
        Assert.DoesNotContain(module.GetTypeReferences(), t => above.Contains(t.Scope.Name));
    }

    private static string Why(FolderDependencies graph, IReadOnlyList<string> cycle) =>
        string.Join("\n  ", cycle.SelectMany(from => cycle.Where(to => graph.Witnesses.ContainsKey((from, to))).SelectMany(to => graph.Witnesses[(from, to)].Take(3))));
}
