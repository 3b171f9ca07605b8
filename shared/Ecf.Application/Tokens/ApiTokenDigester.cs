using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Ecf.Application.Tokens;

/// <summary>Makes new tokens (32 random bytes, base64url) and computes their HMAC-SHA256 digests with the configured secret.</summary>
public sealed class ApiTokenDigester
{
    public const int TokenBytes = 32;

    /// <summary>Longer presented tokens are rejected without hashing.</summary>
    public const int MaxTokenLength = 256;

    private readonly byte[] _key;

    public ApiTokenDigester(IOptions<TokenOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = Encoding.UTF8.GetBytes(options.Value.TokenSecret);
    }

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    public byte[] Digest(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(token));
    }

    public static string ToHex(byte[] digest) => Convert.ToHexStringLower(digest);

    /// <summary>True when <paramref name="storedHex"/> is the digest given, compared in constant time.</summary>
    public static bool Matches(byte[] digest, string storedHex)
    {
        ArgumentNullException.ThrowIfNull(digest);
        byte[] stored;
        try
        {
            stored = Convert.FromHexString(storedHex);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(digest, stored);
    }
}
