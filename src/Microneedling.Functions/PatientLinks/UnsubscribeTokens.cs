using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Microneedling.Functions.PatientLinks;

/// <summary>
/// Stopping the optional emails (rebooking, maintenance) is recorded by a hash of the address
/// (<see cref="Storage.OptOuts.OptOutRepository.AddressHash"/>), so storage holds no address; the unsubscribe link carries that hash and an HMAC of it, so nobody
/// can unsubscribe someone else.
/// </summary>
public sealed class UnsubscribeTokens(IOptions<ManageTokenOptions> options)
{
    private readonly Lazy<byte[]> _key = new(() => ManageTokens.DecodeKey(options.Value.ManageTokenKey));

    public string Token(string addressHash) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes("unsubscribe:" + addressHash)))[..32];

    public bool Verify(string addressHash, string token) =>
        addressHash.Length == 64 && token.Length == 32
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Token(addressHash)), Encoding.ASCII.GetBytes(token));
}
