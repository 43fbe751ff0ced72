using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microneedling.Functions.Bookings;
using Microsoft.Extensions.Options;

namespace Microneedling.Functions.PatientLinks;

/// <summary>
/// An intake's read token is HMAC(secret, intake id): handed back once with the screening outcome,
/// so only the browser that submitted the answers (or whoever it passes the token to) can read the
/// outcome again. Derived, never stored.
/// </summary>
public sealed class IntakeTokens(IOptions<ManageTokenOptions> options)
{
    private readonly Lazy<byte[]> _key = new(() => ManageTokens.DecodeKey(options.Value.ManageTokenKey));

    public string Issue(string intakeId) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes("intake:" + intakeId)));

    public bool Matches(string intakeId, string? presented) =>
        presented is { Length: > 0 and <= 128 }
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Issue(intakeId)), Encoding.ASCII.GetBytes(presented));
}
