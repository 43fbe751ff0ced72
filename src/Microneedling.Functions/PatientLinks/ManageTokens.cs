using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Microneedling.Functions.PatientLinks;

public sealed class ManageTokenOptions
{
    public const string Section = "Security";

    /// <summary>Base64 secret of at least 32 bytes; from configuration (Key Vault or app settings), never from code.</summary>
    public string? ManageTokenKey { get; set; }
}

/// <summary>
/// A booking's manage token is HMAC(secret, booking id): the patient's proof of holding the
/// confirmation. It is never stored, only its hash; deriving it lets a retried create (same
/// Idempotency-Key) hand the same token back without keeping it anywhere.
/// </summary>
public sealed class ManageTokens(IOptions<ManageTokenOptions> options)
{
    private readonly Lazy<byte[]> _key = new(() => DecodeKey(options.Value.ManageTokenKey));

    public string Issue(string bookingId) =>
        Base64Url(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes("manage:" + bookingId)));

    public static string Hash(string token) => Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool Matches(string? presented, string storedHash) =>
        !string.IsNullOrEmpty(presented) && presented.Length <= 128
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presented)), Encoding.ASCII.GetBytes(storedHash));

    internal static byte[] DecodeKey(string? key)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(key ?? string.Empty);
        }
        catch (FormatException)
        {
            bytes = [];
        }

        return bytes.Length >= 32 ? bytes
            : throw new InvalidOperationException($"{ManageTokenOptions.Section}:ManageTokenKey must be a base64 secret of at least 32 bytes.");
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed class ManageTokenOptionsValidator : IValidateOptions<ManageTokenOptions>
{
    public ValidateOptionsResult Validate(string? name, ManageTokenOptions options)
    {
        try
        {
            ManageTokens.DecodeKey(options?.ManageTokenKey);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
