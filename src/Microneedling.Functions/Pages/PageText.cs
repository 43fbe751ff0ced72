using System.Text.Json;

namespace Microneedling.Functions.Pages;

/// <summary>Reads the pages' text by dotted key (<c>page.bookTitle</c>), filling <c>{placeholders}</c>, as the scripts do.</summary>
public static class PageText
{
    public static string Get(this JsonElement text, string key, params (string Name, string Value)[] values)
    {
        var node = text;
        foreach (var part in key.Split('.'))
        {
            node = node.GetProperty(part);
        }

        var value = node.GetString()!;
        foreach (var (name, v) in values)
        {
            value = value.Replace("{" + name + "}", v, StringComparison.Ordinal);
        }

        return value;
    }

    public static IEnumerable<string> List(this JsonElement text, string key)
    {
        var node = text;
        foreach (var part in key.Split('.'))
        {
            node = node.GetProperty(part);
        }

        return node.EnumerateArray().Select(e => e.GetString()!);
    }
}
