using System.Security.Cryptography;
using System.Text;

namespace Microneedling.Tables;

/// <summary>A storage account name and key, for SharedKeyLite signing.</summary>
public sealed class TableSharedKeyCredential
{
    private byte[] _key;

    public TableSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountName);
        AccountName = accountName;
        _key = DecodeKey(accountKey);
    }

    public string AccountName { get; }

    /// <summary>Replaces the key, for rotation without rebuilding clients.</summary>
    public void SetAccountKey(string accountKey) => _key = DecodeKey(accountKey);

    internal string ComputeSignature(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));

    private static byte[] DecodeKey(string accountKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountKey);
        try
        {
            return Convert.FromBase64String(accountKey);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("The account key is not base64.", nameof(accountKey), ex);
        }
    }
}
