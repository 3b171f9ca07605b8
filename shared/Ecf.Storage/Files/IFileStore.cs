namespace Ecf.Storage.Files;

/// <summary>
/// Files such as raw GIAS extracts and statement exports, by relative name (forward slashes, e.g. <c>gias/2025-01-31.csv</c>;
/// the names accepted are the same for every adapter: segments of ASCII letters, digits and <c>. _ -</c>, others throw
/// <see cref="ArgumentException"/>). Adapters: <see cref="BlobFileStore"/> (Azure Blob storage, Azurite locally; the default)
/// and <see cref="LocalFileStore"/> (a folder; tests and single-machine runs). Both pass the same contract tests.
/// </summary>
public interface IFileStore
{
    /// <summary>
    /// Saves <paramref name="content"/> (read from its current position to the end) under <paramref name="name"/>, replacing any
    /// file of that name. Readers see the old or the new file, never a part.
    /// </summary>
    Task SaveAsync(string name, Stream content, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a file for reading; null when absent. The stream is seekable (readers start at byte offsets) and knows its length.
    /// If the file is replaced while the stream is open, the stream goes on reading the old file
    /// (<see cref="LocalFileStore"/>) or its next read fails (<see cref="BlobFileStore"/>: the blob's ETag changed); it never mixes the two.
    /// </summary>
    Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The names starting with <paramref name="prefix"/> (empty: all), in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListAsync(string prefix = "", CancellationToken cancellationToken = default);

    /// <summary>Deletes a file; false when there was none.</summary>
    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default);
}
