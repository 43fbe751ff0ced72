#:property PublishAot=false
// Zips the published function app and checks its layout: what the Functions host needs to
// start a custom handler. Usage: dotnet run --file scripts/package.cs -- APP_FOLDER ZIP_PATH
using System.IO.Compression;
using System.Text.Json;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: package.cs APP_FOLDER ZIP_PATH");
    return 2;
}

var (appFolder, zipPath) = (args[0], args[1]);
File.Delete(zipPath);
ZipFile.CreateFromDirectory(appFolder, zipPath, CompressionLevel.Optimal, includeBaseDirectory: false);

var problems = new List<string>();
using (var zip = ZipFile.OpenRead(zipPath))
{
    var entries = zip.Entries.ToDictionary(e => e.FullName.Replace('\\', '/'), StringComparer.Ordinal);
    if (!entries.TryGetValue("host.json", out var hostEntry))
    {
        problems.Add("host.json is missing at the package root");
    }
    else
    {
        using var host = JsonDocument.Parse(hostEntry.Open());
        var handler = host.RootElement.GetProperty("customHandler");
        var exe = handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString() ?? "";
        if (!entries.TryGetValue(exe, out var exeEntry))
        {
            problems.Add($"the handler executable {exe} named by host.json is missing");
        }
        else if (((exeEntry.ExternalAttributes >> 16) & 0b001_001_001) == 0)
        {
            problems.Add($"{exe} has no executable bit");
        }

        if (!handler.TryGetProperty("enableForwardingHttpRequest", out var forwarding) || !forwarding.GetBoolean())
        {
            problems.Add("host.json does not enable HTTP forwarding");
        }

        if (!host.RootElement.TryGetProperty("extensions", out var extensions) || !extensions.TryGetProperty("http", out var http)
            || !http.TryGetProperty("routePrefix", out var prefix) || prefix.GetString() != "")
        {
            problems.Add("host.json must set extensions.http.routePrefix to \"\": the function routes are whole paths (/book, /api/...)");
        }

        if (host.RootElement.TryGetProperty("extensionBundle", out _))
        {
            problems.Add("host.json names an extension bundle; HTTP and timer triggers need none");
        }
    }

    var functions = entries.Keys.Where(k => k.Count(c => c == '/') == 1 && k.EndsWith("/function.json", StringComparison.Ordinal)).ToList();
    var kinds = new HashSet<string>();
    var routes = new HashSet<string>();
    foreach (var name in functions)
    {
        using var function = JsonDocument.Parse(entries[name].Open());
        foreach (var binding in function.RootElement.GetProperty("bindings").EnumerateArray())
        {
            kinds.Add(binding.GetProperty("type").GetString() ?? "");
            var route = binding.TryGetProperty("route", out var r) ? (r.GetString() ?? "").Trim('/') : "";
            if (route.Length > 0)
            {
                routes.Add(route);
            }

            if (route.StartsWith("admin", StringComparison.OrdinalIgnoreCase) || route.StartsWith("runtime", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{name}: the Functions host refuses routes beginning with admin or runtime ({route})");
            }
        }
    }

    foreach (var page in new[] { "book", "manage/{bookingId}", "unsubscribe/{addressHash}/{token}", "assets/{file}" })
    {
        if (!routes.Contains(page))
        {
            problems.Add($"no function serves the page route {page}");
        }
    }

    if (entries.TryGetValue("handler/Microneedling.Functions.dll", out var assembly))
    {
        using var stream = assembly.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        if (buffer.ToArray().AsSpan().IndexOf("pages/manifest.json"u8) < 0)
        {
            problems.Add("the handler assembly does not embed the pages bundle (pages/manifest.json)");
        }
    }

    if (!kinds.Contains("httpTrigger"))
    {
        problems.Add("no HTTP function folder");
    }

    if (!entries.Keys.Any(k => k.EndsWith(".r2r.dll", StringComparison.Ordinal) || k == "handler/Microneedling.Functions.dll"))
    {
        problems.Add("the handler assembly is missing");
    }

    Console.WriteLine($"{zipPath}: {entries.Count} entries, {functions.Count} functions ({string.Join(", ", functions.Select(f => f.Split('/')[0]))})");
}

foreach (var problem in problems)
{
    Console.Error.WriteLine("package check failed: " + problem);
}

return problems.Count == 0 ? 0 : 1;
