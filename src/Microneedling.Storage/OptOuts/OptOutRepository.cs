using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;

namespace Microneedling.Storage.OptOuts;

/// <summary>
/// Patients who stopped the optional emails (rebooking, maintenance), by a hash of their address:
/// the table holds no address.
/// </summary>
public sealed class OptOutRepository(ClinicTables tables)
{
    internal const string Partition = "optout";

    /// <summary>How an address is known here: SHA-256 of it trimmed and upper-cased, hex.</summary>
    public static string AddressHash(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));
    }

    public async Task AddAsync(string addressHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        await tables.OptOuts.UpsertAsync(new TableEntity(Partition, addressHash) { ["At"] = now }, cancellationToken).ConfigureAwait(false);

    public async Task<bool> ContainsAsync(string addressHash, CancellationToken cancellationToken) =>
        await tables.OptOuts.GetIfExistsAsync<TableEntity>(Partition, addressHash, cancellationToken).ConfigureAwait(false) is not null;
}
