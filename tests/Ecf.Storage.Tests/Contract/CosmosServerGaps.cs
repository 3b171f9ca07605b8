namespace Ecf.Storage.Tests.Contract;

/// <summary>
/// The one list of contract tests that run on the embedded adapter only, because the Cosmos-protocol test server
/// (<c>@vercel/cosmosdb-server</c> 1.0.1 with Microsoft.Azure.Cosmos 3.64, ADR 0001) cannot serve them.
/// It must equal the public test methods of <see cref="EmbeddedOnlyContractTests"/> (checked by <see cref="CosmosServerGapsTests"/>).
/// </summary>
public static class CosmosServerGaps
{
    private const string CrossPartition = "The server does not answer the SDK's query-plan request, so cross-partition queries fail through the .NET SDK.";
    private const string ChangeFeed = "The server's change feed is not incremental: every read returns every document.";
    private const string Batch = "The server answers transactional batches with 500 and does not apply them atomically.";

    public static IReadOnlyDictionary<string, string> EmbeddedOnly { get; } = new Dictionary<string, string>
    {
        [nameof(EmbeddedOnlyContractTests.QueryCrossPartitionAsync_FilterAndPaging_ReturnsMatchesOfAllPartitionsOnce)] = CrossPartition,
        [nameof(EmbeddedOnlyContractTests.QueryCrossPartitionAsync_SameIdInTwoPartitions_ReturnsBothOrderedByPartitionKey)] = CrossPartition,
        [nameof(EmbeddedOnlyContractTests.ReadChangeFeedAsync_FromBeginning_ReturnsLatestVersionsInCommitOrderWithoutDeletes)] = ChangeFeed,
        [nameof(EmbeddedOnlyContractTests.ReadChangeFeedAsync_SavedContinuation_ResumesWithLaterChangesOnly)] = ChangeFeed,
        [nameof(EmbeddedOnlyContractTests.ReadChangeFeedAsync_NoNewChanges_EmptyPageKeepsContinuation)] = ChangeFeed,
        [nameof(EmbeddedOnlyContractTests.ReadChangeFeedAsync_BadContinuation_ThrowsBadRequest)] = ChangeFeed,
        [nameof(EmbeddedOnlyContractTests.ExecuteBatchAsync_AllSucceed_WritesAllAndReturnsResultsInOrder)] = Batch,
        [nameof(EmbeddedOnlyContractTests.ExecuteBatchAsync_OneOperationFails_WritesNothingAndReportsItsIndex)] = Batch,
        [nameof(EmbeddedOnlyContractTests.ExecuteBatchAsync_OperationInOtherPartition_ThrowsBadRequestAndWritesNothing)] = Batch,
    };
}
