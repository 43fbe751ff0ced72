using System.Security.Cryptography;

namespace Microneedling.Functions.Api;

/// <summary>Identifiers the API hands out: a kind prefix and 96 random bits, so they cannot be guessed.</summary>
internal static class ResourceIds
{
    public static string New(string prefix) => prefix + "_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
