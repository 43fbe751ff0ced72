using Microneedling.Testing;

namespace Microneedling.Functions.Tests.Architecture;

/// <summary>Small files with one purpose: a source file that grows past the limit is a sign it does two things.</summary>
public sealed class SourceFileSizeTests
{
    private const int MaxLines = 300;

    [Fact]
    public void No_source_file_is_over_300_lines()
    {
        var src = Path.Combine(RepositoryPaths.Root, "src");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var tooLong = files.Select(f => (File: Path.GetRelativePath(RepositoryPaths.Root, f), Lines: File.ReadLines(f).Count())).Where(f => f.Lines > MaxLines).ToList();

        Assert.True(files.Count > 50, $"Expected the source files under {src}.");
        Assert.True(tooLong.Count == 0, string.Join('\n', tooLong.Select(f => $"{f.File}: {f.Lines} lines")));
    }
}
