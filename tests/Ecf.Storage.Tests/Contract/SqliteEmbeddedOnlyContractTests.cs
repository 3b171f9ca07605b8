using Ecf.Storage.Sqlite;
using Ecf.TestKit;

namespace Ecf.Storage.Tests.Contract;

/// <summary>The embedded-only contract on the embedded adapter, each test on a fresh temporary file.</summary>
public sealed class SqliteEmbeddedOnlyContractTests : EmbeddedOnlyContractTests
{
    private readonly TempDatabase _database = new();

    protected override Task<IDocumentStore> CreateStoreAsync() => Task.FromResult<IDocumentStore>(new SqliteDocumentStore(_database.Path));

    protected override async ValueTask ReleaseStoreAsync(IDocumentStore store)
    {
        await base.ReleaseStoreAsync(store);
        _database.Dispose();
    }
}
