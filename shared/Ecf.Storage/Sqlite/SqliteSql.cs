using System.Globalization;
using System.Text.RegularExpressions;

namespace Ecf.Storage.Sqlite;

/// <summary>Names, paths and ETags of the embedded store, all checked before they reach SQL text.</summary>
internal static partial class SqliteSql
{
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerNamePattern();

    public static bool IsValidPath(string path) => path is not null && PathPattern().IsMatch(path);

    /// <summary>The quoted table name of a container (letters, digits, <c>_</c> and <c>-</c> only, so quoting is safe).</summary>
    public static string TableName(string container)
    {
        if (container is null || !ContainerNamePattern().IsMatch(container))
        {
            throw new DocumentStoreException(DocumentStoreError.BadRequest, $"Invalid container name '{container}'.");
        }

        return "\"doc_" + container + "\"";
    }

    /// <summary>The SQL expression of a JSON path; the path is validated, so it can be a literal (which lets expression indexes match).</summary>
    public static string JsonExtract(string path)
    {
        if (!IsValidPath(path))
        {
            throw new DocumentStoreException(DocumentStoreError.BadRequest, $"Invalid property path '{path}'.");
        }

        return "json_extract(body, '$." + path + "')";
    }

    public static string ETag(long lsn) => "\"" + lsn.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>The lsn an ETag stands for; -1 for a string that no ETag of this store can be (it never matches).</summary>
    public static long ParseETag(string etag)
    {
        var span = etag.AsSpan();
        if (span.Length >= 2 && span[0] == '"' && span[^1] == '"'
            && long.TryParse(span[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var lsn))
        {
            return lsn;
        }

        return -1;
    }
}
