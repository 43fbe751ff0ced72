using System.Security.Cryptography;
using System.Text;
using Microneedling.Functions.Bookings;
using Microneedling.Storage.OptOuts;
using Microsoft.Extensions.Options;

namespace Microneedling.Functions.Reminders;

/// <summary>
/// Stopping the optional emails (rebooking, maintenance): they are recorded by a hash of the
/// address, so storage holds no address; the unsubscribe link carries that hash and an HMAC of
/// it, so nobody can unsubscribe someone else.
/// </summary>
public sealed class OptOuts(OptOutRepository optOuts, IOptions<ManageTokenOptions> options)
{
    private readonly Lazy<byte[]> _key = new(() => ManageTokens.DecodeKey(options.Value.ManageTokenKey));

    public static string AddressHash(string email) => OptOutRepository.AddressHash(email);

    public string Token(string addressHash) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes("unsubscribe:" + addressHash)))[..32];

    public bool Verify(string addressHash, string token) =>
        addressHash.Length == 64 && token.Length == 32
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Token(addressHash)), Encoding.ASCII.GetBytes(token));

    public Task OptOutAsync(string addressHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        optOuts.AddAsync(addressHash, now, cancellationToken);

    public Task<bool> IsOptedOutAsync(string email, CancellationToken cancellationToken) =>
        IsOptedOutByHashAsync(AddressHash(email), cancellationToken);

    public Task<bool> IsOptedOutByHashAsync(string addressHash, CancellationToken cancellationToken) =>
        optOuts.ContainsAsync(addressHash, cancellationToken);
}
