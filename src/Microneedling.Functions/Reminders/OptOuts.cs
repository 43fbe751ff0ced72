using System.Security.Cryptography;
using System.Text;
using Azure;
using Microneedling.Functions.Bookings;
using Microneedling.Storage;
using Microneedling.Tables;
using Microsoft.Extensions.Options;

namespace Microneedling.Functions.Reminders;

/// <summary>
/// Patients who stopped the optional emails (rebooking, maintenance). Keyed by a hash of the
/// address, so the table holds no address; the unsubscribe link carries that hash and an HMAC of
/// it, so nobody can unsubscribe someone else.
/// </summary>
public sealed class OptOuts(ClinicTables tables, IOptions<ManageTokenOptions> options)
{
    private const string Partition = "optout";
    private readonly Lazy<byte[]> _key = new(() => ManageTokens.DecodeKey(options.Value.ManageTokenKey));

    public static string AddressHash(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));

    public string Token(string addressHash) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes("unsubscribe:" + addressHash)))[..32];

    public bool Verify(string addressHash, string token) =>
        addressHash.Length == 64 && token.Length == 32
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Token(addressHash)), Encoding.ASCII.GetBytes(token));

    public async Task OptOutAsync(string addressHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await tables.OptOuts.UpsertEntityAsync(new TableEntity(Partition, addressHash) { ["At"] = now }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> IsOptedOutAsync(string email, CancellationToken cancellationToken) => IsOptedOutByHashAsync(AddressHash(email), cancellationToken);

    public async Task<bool> IsOptedOutByHashAsync(string addressHash, CancellationToken cancellationToken)
    {
        try
        {
            return (await tables.OptOuts.GetEntityIfExistsAsync<TableEntity>(Partition, addressHash, cancellationToken: cancellationToken).ConfigureAwait(false)).HasValue;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }
}
