namespace Microneedling.Functions.Api;

/// <summary>How enum members appear in JSON: kebab-case (<c>NotEligibleNow</c> is <c>not-eligible-now</c>).</summary>
public static class JsonNames
{
    public static string Kebab(string pascal)
    {
        ArgumentNullException.ThrowIfNull(pascal);
        return string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
    }
}
