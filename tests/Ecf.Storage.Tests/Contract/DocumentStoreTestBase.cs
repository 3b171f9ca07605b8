using System.Text;
using System.Text.Json;

namespace Ecf.Storage.Tests.Contract;

/// <summary>
/// Common plumbing of the contract suites: one store per test instance (xunit makes an instance per test), a container with a
/// unique name per test so tests never see each other's documents on a shared server, and JSON helpers that compare
/// properties rather than bytes (Cosmos adds system properties to stored bodies).
/// </summary>
public abstract class DocumentStoreTestBase : IAsyncLifetime
{
    private IDocumentStore? _store;

    protected IDocumentStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    /// <summary>The store under test. Called once per test; the store may be shared (e.g. from a class fixture).</summary>
    protected abstract Task<IDocumentStore> CreateStoreAsync();

    /// <summary>Releases the store after a test. Override to do nothing when a fixture owns a shared store.</summary>
    protected virtual ValueTask ReleaseStoreAsync(IDocumentStore store) => store.DisposeAsync();

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await ReleaseStoreAsync(_store);
        }
    }

    /// <summary>A fresh container with a unique name, partitioned by <c>/personId</c> unless told otherwise.</summary>
    protected async Task<IDocumentContainer> NewContainerAsync(string partitionKeyPath = "/personId", params string[] indexedPaths)
    {
        var name = "t" + Guid.NewGuid().ToString("N")[..16];
        await Store.EnsureContainersAsync([new ContainerDefinition(name, partitionKeyPath, indexedPaths)]);
        return Store.GetContainer(name);
    }

    /// <summary>A document body: <c>id</c>, <c>personId</c> and the given extra properties.</summary>
    protected static byte[] Doc(string partitionKey, string id, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["id"] = id, ["personId"] = partitionKey };
        if (extra is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(extra).EnumerateObject())
            {
                body[property.Name] = property.Value;
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(body);
    }

    protected static JsonElement Prop(StoredDocument document, string name)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var json = JsonDocument.Parse(document.Json);
        return json.RootElement.TryGetProperty(name, out var value) ? value.Clone() : default;
    }

    protected static string? Str(StoredDocument document, string name) => Prop(document, name) is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;

    protected static int Number(StoredDocument document, string name) => Prop(document, name).GetInt32();

    protected static string Utf8(ReadOnlyMemory<byte> json) => Encoding.UTF8.GetString(json.Span);

    /// <summary>Reads every page of a query.</summary>
    protected static async Task<List<StoredDocument>> ReadAllPagesAsync(Func<string?, Task<QueryPage>> readPage)
    {
        ArgumentNullException.ThrowIfNull(readPage);
        var all = new List<StoredDocument>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var page = await readPage(continuation);
            all.AddRange(page.Documents);
            continuation = page.Continuation;
            Assert.True(++pages < 10_000, "Paging did not terminate.");
        }
        while (continuation is not null);

        return all;
    }
}
