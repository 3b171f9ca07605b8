using Ecf.Storage.Files;
using Ecf.Storage.Telemetry;
using Ecf.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ecf.Storage.Tests;

public sealed class StorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AddEcfStorage_SqliteProvider_ResolvesOneInstrumentedEmbeddedStoreAndTheFileStore()
    {
        await using var provider = Build(new()
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Sqlite:Path"] = _temp.Path,
            ["Files:Provider"] = "Local",
            ["Files:Root"] = Path.Combine(_temp.Folder, "files"),
        });

        var store = provider.GetRequiredService<IDocumentStore>();

        Assert.IsType<InstrumentedDocumentStore>(store);
        Assert.Equal("sqlite", store.Kind);
        Assert.Same(store, provider.GetRequiredService<IDocumentStore>());
        Assert.True(await store.PingAsync());
        Assert.True(File.Exists(_temp.Path));
        Assert.IsType<LocalFileStore>(provider.GetRequiredService<IFileStore>());
    }

    [Fact]
    public async Task AddEcfStorage_CosmosWithoutEndpoint_FailsValidation()
    {
        await using var provider = Build(new() { ["Storage:Provider"] = "Cosmos", ["Storage:Cosmos:Endpoint"] = "" });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("Endpoint", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddEcfStorage_NoFilesSection_UsesBlobStorageOnTheFunctionsConnection()
    {
        await using var provider = Build(new() { ["AzureWebJobsStorage"] = Azurite });

        var options = provider.GetRequiredService<IOptions<FileStoreOptions>>().Value;

        Assert.Equal(FileStoreProvider.Blob, options.Provider);
        Assert.Equal(Azurite, options.Blob.ConnectionString);
        var store = Assert.IsType<BlobFileStore>(provider.GetRequiredService<IFileStore>());
        Assert.Equal("ecf-files", store.Container.Name);
        Assert.Equal(new Uri("http://127.0.0.1:41000/devstoreaccount1/ecf-files"), store.Container.Uri);
    }

    [Fact]
    public async Task AddEcfStorage_BlobConnectionStringOfItsOwn_WinsOverTheFunctionsConnection()
    {
        await using var provider = Build(new()
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Files:Blob:ConnectionString"] = Azurite,
            ["Files:Blob:ContainerName"] = "gias-files",
        });

        var store = Assert.IsType<BlobFileStore>(provider.GetRequiredService<IFileStore>());

        Assert.Equal(new Uri("http://127.0.0.1:41000/devstoreaccount1/gias-files"), store.Container.Uri);
    }

    [Fact]
    public async Task AddEcfStorage_BlobAccountUrl_ReachesTheAccountWithoutAKey()
    {
        await using var provider = Build(new() { ["Files:Blob:AccountUrl"] = "https://ecfprod.blob.core.windows.net" });

        var store = Assert.IsType<BlobFileStore>(provider.GetRequiredService<IFileStore>());

        Assert.Equal(new Uri("https://ecfprod.blob.core.windows.net/ecf-files"), store.Container.Uri);
        Assert.False(store.Container.CanGenerateSasUri);
    }

    [Fact]
    public async Task AddEcfStorage_IdentityBasedFunctionsStorage_UsesItsBlobServiceUri()
    {
        await using var provider = Build(new() { ["AzureWebJobsStorage:blobServiceUri"] = "https://ecfprod.blob.core.windows.net" });

        var options = provider.GetRequiredService<IOptions<FileStoreOptions>>().Value;

        Assert.Null(options.Blob.ConnectionString);
        Assert.Equal("https://ecfprod.blob.core.windows.net", options.Blob.AccountUrl);
    }

    [Theory]
    [InlineData("Blob", null, null, "ecf-files", "Files:Blob:ConnectionString or Files:Blob:AccountUrl must be set")]
    [InlineData("Blob", null, "not a url", "ecf-files", "Files:Blob:AccountUrl must be an absolute http(s) URL")]
    [InlineData("Blob", Azurite, null, "Ecf_Files", "Files:Blob:ContainerName must be 3 to 63")]
    [InlineData("Blob", Azurite, null, "ab", "Files:Blob:ContainerName must be 3 to 63")]
    [InlineData("Blob", Azurite, null, "a--b", "Files:Blob:ContainerName must be 3 to 63")]
    public async Task AddEcfStorage_InvalidBlobSettings_FailValidationNamingTheSetting(
        string provider, string? connectionString, string? accountUrl, string container, string expected)
    {
        await using var services = Build(new()
        {
            ["Files:Provider"] = provider,
            ["Files:Blob:ConnectionString"] = connectionString,
            ["Files:Blob:AccountUrl"] = accountUrl,
            ["Files:Blob:ContainerName"] = container,
        });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<FileStoreOptions>>().Value);

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddEcfStorage_LocalProviderWithoutRoot_FailsValidation()
    {
        await using var provider = Build(new() { ["Files:Provider"] = "Local", ["Files:Root"] = " " });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FileStoreOptions>>().Value);

        Assert.Contains("Files:Root", ex.Message, StringComparison.Ordinal);
    }

    private const string Azurite =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:41000/devstoreaccount1;";

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddEcfStorage(configuration).BuildServiceProvider();
    }
}
