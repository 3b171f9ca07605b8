using Azure.Storage.Blobs;
using Ecf.Storage.Files;
using Ecf.TestKit;

namespace Ecf.Storage.Tests.Files;

/// <summary>The file store contract on a real Azurite (one per class, a fresh container per test), and what is particular to Blob storage.</summary>
public sealed class BlobFileStoreTests : FileStoreContractTests, IClassFixture<AzuriteFixture>
{
    private readonly AzuriteFixture _azurite;
    private readonly BlobFileStore _store;

    public BlobFileStoreTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        _store = new BlobFileStore(new BlobFileStoreOptions { ConnectionString = azurite.ConnectionString, ContainerName = NewContainerName() });
    }

    protected override IFileStore Store => _store;

    protected override bool ReadsReplacedFileToTheEnd => false;

    [Fact]
    public async Task SaveAsync_ContainerMissing_CreatesItAndKeepsTheFileAsABlob()
    {
        var container = new BlobServiceClient(_azurite.ConnectionString).GetBlobContainerClient(NewContainerName());
        var store = new BlobFileStore(container);
        var existedBefore = (await container.ExistsAsync()).Value;

        await store.SaveAsync("gias/a.csv", Content("urn\n1"));

        Assert.False(existedBefore);
        Assert.True((await container.ExistsAsync()).Value);
        Assert.Equal("urn\n1", (await container.GetBlobClient("gias/a.csv").DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task EveryOperation_TwoStoresOnOneContainer_SeeTheSameFiles()
    {
        var options = new BlobFileStoreOptions { ConnectionString = _azurite.ConnectionString, ContainerName = NewContainerName() };
        var writer = new BlobFileStore(options);
        var reader = new BlobFileStore(options);

        await writer.SaveAsync("exports/a.csv", Content("a"));

        Assert.Equal(["exports/a.csv"], await reader.ListAsync());
        Assert.True(await reader.DeleteAsync("exports/a.csv"));
        Assert.False(await writer.ExistsAsync("exports/a.csv"));
    }

    private static string NewContainerName() => "files-" + Guid.NewGuid().ToString("N");
}
