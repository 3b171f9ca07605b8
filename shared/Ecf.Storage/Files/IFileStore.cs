namespace Ecf.Storage.Files;

/// <summary>
/// Files such as raw GIAS extracts and statement exports, by relative name (forward slashes, e.g. <c>gias/2025-01-31.csv</c>).
/// Adapters: <see cref="LocalFileStore"/> (a folder, the default); an Azure Blob adapter can come later.
/// </summary>
public interface IFileStore
{
    /// <summary>Saves <paramref name="content"/> under <paramref name="name"/>, replacing any file of that name. Readers see the old or the new file, never a part.</summary>
    Task SaveAsync(string name, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Opens a file for reading; null when absent.</summary>
    Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The names starting with <paramref name="prefix"/> (empty: all), in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListAsync(string prefix = "", CancellationToken cancellationToken = default);

    /// <summary>Deletes a file; false when there was none.</summary>
    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default);
}
