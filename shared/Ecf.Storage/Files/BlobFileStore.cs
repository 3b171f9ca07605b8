using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Ecf.Storage.Files;

/// <summary>
/// Files as block blobs in one container of an Azure Storage account (Azurite locally), a file's name being its blob's name.
/// The container is created on first use when missing. A save uploads the blocks and commits them in one step, so readers see
/// the old or the new blob; an open stream is pinned to the blob's ETag, so a replacement makes its next read fail instead of
/// mixing the two. Streams read ahead in <see cref="ReadBufferBytes"/> ranges and seek without downloading what they skip.
/// </summary>
public sealed class BlobFileStore : IFileStore
{
    /// <summary>The range a read stream downloads at a time: large enough for sequential reads, small enough for a batch read at an offset.</summary>
    public const int ReadBufferBytes = 1024 * 1024;

    private readonly BlobContainerClient _container;
    private Task? _containerCreated;

    public BlobFileStore(BlobContainerClient container)
    {
        _container = container ?? throw new ArgumentNullException(nameof(container));
    }

    /// <summary>The store of <paramref name="options"/>: its connection string, else its account URL with <c>DefaultAzureCredential</c>.</summary>
    public BlobFileStore(BlobFileStoreOptions options)
        : this(ContainerFor(options))
    {
    }

    public BlobContainerClient Container => _container;

    public async Task SaveAsync(string name, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var blob = await BlobAsync(name, cancellationToken).ConfigureAwait(false);
        await blob.UploadAsync(content, overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken = default)
    {
        var blob = await BlobAsync(name, cancellationToken).ConfigureAwait(false);
        try
        {
            return await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false) { BufferSize = ReadBufferBytes }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.BlobNotFound)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default)
    {
        var blob = await BlobAsync(name, cancellationToken).ConfigureAwait(false);
        return (await blob.ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;
    }

    public async Task<IReadOnlyList<string>> ListAsync(string prefix = "", CancellationToken cancellationToken = default)
    {
        FileNames.ValidatePrefix(prefix);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var names = new List<string>();
        await foreach (var item in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix.Length == 0 ? null : prefix }, cancellationToken)
            .ConfigureAwait(false))
        {
            names.Add(item.Name);
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        var blob = await BlobAsync(name, cancellationToken).ConfigureAwait(false);
        return (await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
    }

    private async Task<BlobClient> BlobAsync(string name, CancellationToken cancellationToken)
    {
        FileNames.Validate(name);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        return _container.GetBlobClient(name);
    }

    /// <summary>
    /// Creates the container when missing, once per store: later calls share the first attempt unless it failed (then they try
    /// again). Two racing first calls may both ask, which is harmless.
    /// </summary>
    private Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        var created = Volatile.Read(ref _containerCreated);
        if (created is null || created.IsFaulted || created.IsCanceled)
        {
            created = _container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            Volatile.Write(ref _containerCreated, created);
        }

        return created.WaitAsync(cancellationToken);
    }

    private static BlobContainerClient ContainerFor(BlobFileStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var service = !string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new BlobServiceClient(options.ConnectionString)
            : new BlobServiceClient(
                new Uri(options.AccountUrl ?? throw new ArgumentException("Files:Blob needs a connection string or an account URL.", nameof(options))),
                new DefaultAzureCredential());
        return service.GetBlobContainerClient(options.ContainerName);
    }
}
