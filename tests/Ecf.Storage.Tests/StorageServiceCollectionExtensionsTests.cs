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

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddEcfStorage(configuration).BuildServiceProvider();
    }
}
