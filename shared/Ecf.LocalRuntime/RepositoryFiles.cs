namespace Ecf.LocalRuntime;

/// <summary>
/// Where the repository's own tools are when code runs from a checkout: the folder holding <c>Ecf.Functions.sln</c>, found by
/// walking up from the build output, then from the current directory.
/// </summary>
public static class RepositoryFiles
{
    public const string RepositoryMarker = "Ecf.Functions.sln";

    /// <summary>The repository root, or null when neither the build output nor the current directory is inside a checkout.</summary>
    public static string? FindRoot() => FindRootAbove(AppContext.BaseDirectory) ?? FindRootAbove(Directory.GetCurrentDirectory());

    /// <summary>Azurite as <c>npm ci --prefix infra/local</c> installs it.</summary>
    public static string AzuriteExecutable()
    {
        var root = FindRoot() ?? throw new InvalidOperationException(
            $"No {RepositoryMarker} above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}: cannot find infra/local.");
        var executable = Path.Combine(root, "infra", "local", "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
        return File.Exists(executable)
            ? executable
            : throw new FileNotFoundException($"Azurite is not installed at {executable}: run `npm ci --prefix infra/local` first.", executable);
    }

    /// <summary>
    /// Azurite's launcher, after installing the pinned tools of <c>infra/local</c> (<c>npm ci</c>) when it is missing, so the local
    /// run needs nothing installed by hand beyond Node.
    /// </summary>
    public static async Task<string> EnsureAzuriteInstalledAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return AzuriteExecutable();
        }
        catch (FileNotFoundException)
        {
            var root = FindRoot()!;
            var npm = new System.Diagnostics.ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
            {
                UseShellExecute = false,
                WorkingDirectory = root,
            };
            foreach (var argument in new[] { "ci", "--prefix", Path.Combine("infra", "local"), "--no-audit", "--no-fund", "--loglevel=error" })
            {
                npm.ArgumentList.Add(argument);
            }

            using var process = System.Diagnostics.Process.Start(npm) ?? throw new InvalidOperationException("Could not start npm: is Node installed?");
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return process.ExitCode == 0
                ? AzuriteExecutable()
                : throw new InvalidOperationException($"`npm ci --prefix infra/local` failed (exit code {process.ExitCode}); Azurite is needed by the local durable runtime.");
        }
    }

    private static string? FindRootAbove(string start)
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
