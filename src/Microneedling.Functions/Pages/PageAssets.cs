using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microneedling.Domain.Clinics;

namespace Microneedling.Functions.Pages;

/// <summary>One file the pages load: its bytes, pre-compressed forms, type, and validator.</summary>
public sealed record PageAsset(string File, string ContentType, byte[] Bytes, byte[]? Brotli, byte[]? Gzip, string ETag);

/// <summary>
/// The pages' scripts and styles, built by esbuild at build time and embedded in this assembly
/// (<c>web/build.mjs</c>), plus the clinic's colours as a stylesheet. Each is served under a name
/// carrying its content hash (cached for a year) and scripts also under a stable name (revalidated),
/// so that a clinic's embed snippet never changes.
/// </summary>
public sealed class PageAssets
{
    public const string ResourcePrefix = "pages/";
    private readonly FrozenDictionary<string, PageAsset> _byFile;
    private readonly FrozenDictionary<string, PageAsset> _byName;

    public PageAssets(Clinic clinic)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        var assembly = typeof(PageAssets).Assembly;
        using var manifest = JsonDocument.Parse(Read(assembly, "manifest.json")
            ?? throw new InvalidOperationException("The pages bundle is missing from the assembly: build with node_modules installed (npm ci)."));
        var byName = new Dictionary<string, PageAsset>(StringComparer.Ordinal);
        foreach (var entry in manifest.RootElement.EnumerateObject())
        {
            var file = entry.Value.GetProperty("file").GetString()!;
            byName[entry.Name] = new PageAsset(file, ContentType(file), Read(assembly, file)!, Read(assembly, file + ".br"), Read(assembly, file + ".gz"),
                $"\"{entry.Value.GetProperty("sha256").GetString()![..32]}\"");
        }

        byName["brand.css"] = Generated("brand", ".css", Encoding.UTF8.GetBytes($":root{{--mn-brand:{clinic.Brand.PrimaryColor}}}\n"));
        byName["icon.svg"] = Generated("icon", ".svg", Encoding.UTF8.GetBytes(
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\"><circle cx=\"16\" cy=\"16\" r=\"16\" fill=\"{clinic.Brand.PrimaryColor}\"/>"
            + $"<text x=\"16\" y=\"22\" font-family=\"Arial,sans-serif\" font-size=\"18\" font-weight=\"700\" fill=\"#fff\" text-anchor=\"middle\">{System.Security.SecurityElement.Escape(clinic.Name[..1].ToUpperInvariant())}</text></svg>"));
        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        _byFile = byName.Values.ToFrozenDictionary(a => a.File, StringComparer.Ordinal);
        Text = JsonDocument.Parse(Read(assembly, "text-en.json") ?? throw new InvalidOperationException("The pages' text is missing from the assembly.")).RootElement.Clone();
    }

    /// <summary>The pages' English text (<c>web/text/en.json</c>), the same the scripts show.</summary>
    public JsonElement Text { get; }

    /// <summary>The hashed path of a named asset (<c>booking.js</c>), for pages to reference.</summary>
    public string PathOf(string name) => "/assets/" + _byName[name].File;

    /// <summary>A file by its hashed name (immutable), or a script by its stable name (revalidated).</summary>
    public (PageAsset Asset, bool Immutable)? Find(string file) =>
        _byFile.TryGetValue(file, out var hashed) ? (hashed, true)
        : _byName.TryGetValue(file, out var stable) && stable.ContentType.StartsWith("text/javascript", StringComparison.Ordinal) ? (stable, false)
        : null;

    /// <summary>Every asset a page of this app can load, by stable name.</summary>
    public IReadOnlyDictionary<string, PageAsset> All => _byName;

    private static PageAsset Generated(string name, string extension, byte[] bytes)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return new PageAsset($"{name}.{hash[..12]}{extension}", ContentType(extension), bytes, null, null, $"\"{hash[..32]}\"");
    }

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private static byte[]? Read(Assembly assembly, string file)
    {
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + file);
        if (stream is null)
        {
            return null;
        }

        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
