namespace Ecf.Storage.Files;

/// <summary>
/// Files in a local folder (tests, and an option for a single machine; <see cref="BlobFileStore"/> is the default). Names are
/// those of <see cref="IFileStore"/>; anything that could leave the folder (<c>..</c>, rooted paths, backslashes) is refused. Saves write a temporary file, flush it to disk
/// and rename it over the target, so a reader or a crash never sees half a file.
/// </summary>
public sealed class LocalFileStore : IFileStore
{
    private readonly string _root;

    public LocalFileStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public LocalFileStore(FileStoreOptions options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Root)
    {
    }

    public string Root => _root;

    public async Task SaveAsync(string name, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var target = FullPath(name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = target + FileNames.TempSuffix + Guid.NewGuid().ToString("N");
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    public Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken = default)
    {
        var path = FullPath(name);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default) => Task.FromResult(File.Exists(FullPath(name)));

    public Task<IReadOnlyList<string>> ListAsync(string prefix = "", CancellationToken cancellationToken = default)
    {
        FileNames.ValidatePrefix(prefix);
        IReadOnlyList<string> names = Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(_root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(name => !name.Contains(FileNames.TempSuffix, StringComparison.Ordinal) && name.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(names);
    }

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        var path = FullPath(name);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        return Task.FromResult(true);
    }

    /// <summary>The full path of a name, refusing names that are not plain relative paths inside the root.</summary>
    private string FullPath(string name)
    {
        FileNames.Validate(name);
        var full = Path.GetFullPath(Path.Combine(_root, name));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Invalid file name '{name}'.", nameof(name));
        }

        return full;
    }
}
