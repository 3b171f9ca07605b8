namespace Ecf.TestKit;

/// <summary>Where a test finds the repository's own files (tools, fixtures, infrastructure) from its build output.</summary>
public static class TestPaths
{
    /// <summary>The folder holding <c>Ecf.Functions.sln</c>, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Ecf.Functions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Ecf.Functions.sln above {AppContext.BaseDirectory}.");
    }
}
