using System.Text.RegularExpressions;

namespace Ecf.Storage.Cosmos;

/// <summary>Property paths of <see cref="DocumentQuery"/> (dotted, e.g. <c>training.cohort</c>) rendered for Cosmos SQL and indexing policies.</summary>
public static partial class CosmosPaths
{
    /// <summary>True when <paramref name="path"/> is a dotted path of identifiers, the only form queries accept.</summary>
    public static bool IsValid(string? path) => path is not null && PathPattern().IsMatch(path);

    /// <summary>Throws <see cref="DocumentStoreError.BadRequest"/> unless <paramref name="path"/> is valid.</summary>
    public static void Validate(string? path)
    {
        if (!IsValid(path))
        {
            throw new DocumentStoreException(DocumentStoreError.BadRequest, $"'{path}' is not a valid property path (dotted identifiers such as training.cohort).");
        }
    }

    /// <summary>
    /// The path as a Cosmos SQL member expression on the alias <c>c</c> with bracket notation (<c>c["training"]["cohort"]</c>), which
    /// also works for property names that are SQL keywords such as <c>value</c> or <c>order</c>.
    /// </summary>
    public static string Render(string path)
    {
        Validate(path);
        return "c" + string.Concat(path.Split('.').Select(segment => $"[\"{segment}\"]"));
    }

    /// <summary>The path in indexing-policy form: <c>/training/cohort</c>.</summary>
    public static string IndexPath(string path)
    {
        Validate(path);
        return "/" + path.Replace('.', '/');
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PathPattern();
}
