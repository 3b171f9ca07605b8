using System.Globalization;

namespace Ecf.Functions.Sandbox;

/// <summary>Parses RFC 3339 date-times: <c>2025-01-10T10:42:00Z</c>, with optional fraction and a Z or ±hh:mm offset.</summary>
public static class Rfc3339
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd't'HH:mm:ssK",
        "yyyy-MM-dd't'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    public static bool TryParse(string? value, out DateTimeOffset result)
    {
        result = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var text = value.Trim();

        // K accepts a missing offset; RFC 3339 requires one.
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return hasOffset && DateTimeOffset.TryParseExact(
            text.Replace('z', 'Z'),
            Formats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal,
            out result);
    }
}
