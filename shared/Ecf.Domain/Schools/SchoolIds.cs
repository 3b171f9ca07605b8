using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ecf.Domain.Schools;

/// <summary>Deterministic school ids: the same first URN always gives the same id, so a re-run never duplicates a school.</summary>
public static class SchoolIds
{
    /// <summary>
    /// A name-based UUID (RFC 9562 version 8 layout: SHA-256 of <c>ecf:school:urn:&lt;urn&gt;</c>, first 16 bytes, version and
    /// variant bits set), formatted lower-case with hyphens as the v3 API shows ids.
    /// </summary>
    public static string ForUrn(int urn)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("ecf:school:urn:" + urn.ToString(CultureInfo.InvariantCulture)), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }

    /// <summary>True when <paramref name="value"/> is a UUID string (the shape of every school id).</summary>
    public static bool IsWellFormed(string? value) => Guid.TryParseExact(value, "D", out _);
}
