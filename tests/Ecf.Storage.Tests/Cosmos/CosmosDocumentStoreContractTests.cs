using Ecf.Storage.Tests.Contract;

namespace Ecf.Storage.Tests.Cosmos;

/// <summary>
/// The general contract suite on the Cosmos adapter against the Cosmos-protocol server on loopback. The features that server lacks
/// (<see cref="CosmosServerGaps"/>) are in <see cref="EmbeddedOnlyContractTests"/>, which this class does not inherit.
/// </summary>
[Collection(CosmosServerGroup.Name)]
public sealed class CosmosDocumentStoreContractTests(CosmosServerFixture server) : DocumentStoreContractTests
{
    protected override Task<IDocumentStore> CreateStoreAsync() => Task.FromResult<IDocumentStore>(server.Store);

    // The fixture owns the store (one client per server, as in production one per process).
    protected override ValueTask ReleaseStoreAsync(IDocumentStore store) => ValueTask.CompletedTask;
}
