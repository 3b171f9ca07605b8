namespace Ecf.Storage.Tests.Cosmos;

/// <summary>The test classes that share one Cosmos-protocol server process.</summary>
[CollectionDefinition(Name)]
public sealed class CosmosServerGroup : ICollectionFixture<CosmosServerFixture>
{
    public const string Name = "Cosmos-protocol server";
}
