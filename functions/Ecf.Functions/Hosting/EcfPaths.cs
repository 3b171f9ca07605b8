namespace Ecf.Functions.Hosting;

/// <summary>
/// Where relative data paths (the SQLite file, the local tokens file) live: the repository root when the app runs from a
/// checkout (found by its solution file above the content root or the current directory), else the content root.
/// So <c>dotnet run --project functions/Ecf.Functions</c> from the repository root writes to <c>&lt;repo&gt;/.data/</c>.
/// </summary>
public static class EcfPaths
{
    public const string RepositoryMarker = "Ecf.Functions.sln";

    public static string DataBase(string contentRoot) =>
        FindRepositoryRoot(contentRoot) ?? FindRepositoryRoot(Directory.GetCurrentDirectory()) ?? contentRoot;

    public static string Resolve(string path, string contentRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(DataBase(contentRoot), path));
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, RepositoryMarker)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
