namespace Ecf.Storage.Files;

/// <summary>
/// The names every <see cref="IFileStore"/> accepts: relative, forward-slash separated, at most 1,024 characters, of segments made
/// of ASCII letters, digits and <c>. _ -</c> (no empty, <c>.</c> or <c>..</c> segment, nothing containing <c>.tmp-</c>, which
/// <see cref="LocalFileStore"/> keeps for its temporary files). Both stores refuse the same names, so a name valid on one is
/// valid on the other.
/// </summary>
internal static class FileNames
{
    /// <summary>Marks the temporary files of <see cref="LocalFileStore"/>; never part of a name.</summary>
    public const string TempSuffix = ".tmp-";

    public const int MaxLength = 1024;

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="name"/> is a valid file name.</summary>
    public static void Validate(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength || name.Contains(TempSuffix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Invalid file name '{name}'.", nameof(name));
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or ".." || !segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                throw new ArgumentException($"Invalid file name '{name}': use relative names of letters, digits, '.', '_', '-' and '/'.", nameof(name));
            }
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="prefix"/> could not start a valid name.</summary>
    public static void ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Contains('\\', StringComparison.Ordinal) || prefix.Contains("..", StringComparison.Ordinal) || prefix.StartsWith('/'))
        {
            throw new ArgumentException($"Invalid file name prefix '{prefix}'.", nameof(prefix));
        }
    }
}
