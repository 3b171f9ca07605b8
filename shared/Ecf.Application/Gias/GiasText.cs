using System.Globalization;

namespace Ecf.Application.Gias;

/// <summary>Checks and conversions of GIAS field bytes.</summary>
public static class GiasText
{
    /// <summary>
    /// Why the bytes of a field are not plausible ISO-8859-1 text, or null when they are. GIAS publishes ISO-8859-1; a file
    /// re-saved as UTF-8 shows as valid UTF-8 multi-byte sequences (e.g. <c>C3 A9</c> for é, which in ISO-8859-1 would read "Ã©"),
    /// and binary damage shows as control characters (C0 other than tab, DEL, or C1 0x80–0x9F, unused in ISO-8859-1 text).
    /// Such fields are reported, never stored.
    /// </summary>
    public static string? EncodingProblem(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                if ((b < 0x20 && b != (byte)'\t' && b != (byte)'\r' && b != (byte)'\n') || b == 0x7F)
                {
                    return $"control character 0x{b:X2}";
                }

                continue;
            }

            var continuation = b switch
            {
                >= 0xC2 and <= 0xDF => 1,
                >= 0xE0 and <= 0xEF => 2,
                >= 0xF0 and <= 0xF4 => 3,
                _ => 0,
            };
            if (continuation > 0 && i + continuation < bytes.Length && IsContinuation(bytes.Slice(i + 1, continuation)))
            {
                return "UTF-8 byte sequence in an ISO-8859-1 file";
            }

            if (b <= 0x9F)
            {
                return $"control character 0x{b:X2}";
            }
        }

        return null;
    }

    private static bool IsContinuation(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is < 0x80 or > 0xBF)
            {
                return false;
            }
        }

        return true;
    }

    private static readonly string[] DateFormats = ["dd-MM-yyyy", "dd/MM/yyyy", "yyyy-MM-dd"];

    /// <summary>A GIAS date (<c>dd-MM-yyyy</c>; links use <c>dd/MM/yyyy</c>); null for empty; false when unreadable.</summary>
    public static bool TryParseDate(string value, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (DateOnly.TryParseExact(value.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }

    /// <summary>A URN: 1 to 8 digits, greater than zero.</summary>
    public static bool TryParseUrn(string value, out int urn)
    {
        urn = 0;
        var trimmed = value.Trim();
        return trimmed.Length is > 0 and <= 8 && trimmed.All(char.IsAsciiDigit) && int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out urn) && urn > 0;
    }

    public static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
