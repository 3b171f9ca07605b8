using System.Security.Cryptography;
using System.Text;

namespace Ecf.Domain.Declarations;

/// <summary>
/// A UUID (RFC 9562 version 8) made from a name by SHA-256: the same name always gives the same id, so documents whose id
/// stands for something (a provider's statement for a calendar month, the declaration a provider's idempotency key made)
/// can be created by whoever needs them first, any number of times, as one document.
/// </summary>
public static class NameBasedId
{
    public static string From(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
