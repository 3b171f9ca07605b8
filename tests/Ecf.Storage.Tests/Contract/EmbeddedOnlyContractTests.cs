
namespace Ecf.Storage.Tests.Contract;

/// <summary>
/// Port features that the Cosmos-protocol test server (<c>@vercel/cosmosdb-server</c>) cannot serve, so they run on the
/// embedded adapter only: cross-partition queries, the change feed and atomic batches. Every public test method here must be
/// listed with its reason in <see cref="CosmosServerGaps"/> (a test checks it). Add an adapter as for
/// <see cref="DocumentStoreContractTests"/>; against real Cosmos DB these tests are expected to pass too.
/// </summary>
public abstract class EmbeddedOnlyContractTests : DocumentStoreTestBase
{
    [Fact]
    public async Task QueryCrossPartitionAsync_FilterAndPaging_ReturnsMatchesOfAllPartitionsOnce()
    {
        var container = await NewContainerAsync("/personId", "kind");
        for (var i = 0; i < 30; i++)
        {
            var pk = $"p{i % 4}";
            await container.CreateAsync(pk, $"d{i:D2}", Doc(pk, $"d{i:D2}", new { kind = i % 3 == 0 ? "keep" : "skip", n = i }));
        }

        var all = await ReadAllPagesAsync(c => container.QueryCrossPartitionAsync(DocumentQuery.All(pageSize: 3).WhereEquals("kind", "keep").OrderByDescending("n").WithContinuation(c)));

        Assert.Equal(Enumerable.Range(0, 30).Where(i => i % 3 == 0).Reverse().Select(i => $"d{i:D2}"), all.Select(d => d.Id));
        Assert.Equal(4, all.Select(d => d.PartitionKey).Distinct().Count());
    }

    [Fact]
    public async Task QueryCrossPartitionAsync_SameIdInTwoPartitions_ReturnsBothOrderedByPartitionKey()
    {
        var container = await NewContainerAsync();
        await container.CreateAsync("pb", "same", Doc("pb", "same"));
        await container.CreateAsync("pa", "same", Doc("pa", "same"));

        var all = await ReadAllPagesAsync(c => container.QueryCrossPartitionAsync(DocumentQuery.All(pageSize: 1).WithContinuation(c)));

        Assert.Equal(["pa", "pb"], all.Select(d => d.PartitionKey));
    }

    [Fact]
    public async Task ReadChangeFeedAsync_FromBeginning_ReturnsLatestVersionsInCommitOrderWithoutDeletes()
    {
        var container = await NewContainerAsync();
        var a = await container.CreateAsync("p1", "a", Doc("p1", "a", new { v = 1 }));
        await container.CreateAsync("p2", "b", Doc("p2", "b", new { v = 1 }));
        await container.CreateAsync("p1", "c", Doc("p1", "c", new { v = 1 }));
        await container.ReplaceAsync("p1", "a", Doc("p1", "a", new { v = 2 }), a.ETag);
        await container.DeleteAsync("p1", "c");

        var page = await container.ReadChangeFeedAsync(null, 100);

        Assert.Equal(["b", "a"], page.Documents.Select(d => d.Id));
        Assert.Equal(2, Number(page.Documents[1], "v"));
        Assert.False(string.IsNullOrEmpty(page.Continuation));
    }

    [Fact]
    public async Task ReadChangeFeedAsync_SavedContinuation_ResumesWithLaterChangesOnly()
    {
        var container = await NewContainerAsync();
        for (var i = 0; i < 5; i++)
        {
            await container.CreateAsync("p1", $"d{i}", Doc("p1", $"d{i}"));
        }

        var first = await container.ReadChangeFeedAsync(null, 3);
        var second = await container.ReadChangeFeedAsync(first.Continuation, 3);
        await container.UpsertAsync("p1", "d0", Doc("p1", "d0", new { v = 2 }));
        await container.CreateAsync("p1", "d5", Doc("p1", "d5"));
        var third = await container.ReadChangeFeedAsync(second.Continuation, 10);

        Assert.Equal(["d0", "d1", "d2"], first.Documents.Select(d => d.Id));
        Assert.Equal(["d3", "d4"], second.Documents.Select(d => d.Id));
        Assert.Equal(["d0", "d5"], third.Documents.Select(d => d.Id));
    }

    [Fact]
    public async Task ReadChangeFeedAsync_NoNewChanges_EmptyPageKeepsContinuation()
    {
        var container = await NewContainerAsync();
        await container.CreateAsync("p1", "d1", Doc("p1", "d1"));
        var first = await container.ReadChangeFeedAsync(null, 10);

        var empty = await container.ReadChangeFeedAsync(first.Continuation, 10);
        await container.CreateAsync("p1", "d2", Doc("p1", "d2"));
        var next = await container.ReadChangeFeedAsync(empty.Continuation, 10);

        Assert.Empty(empty.Documents);
        Assert.Equal(first.Continuation, empty.Continuation);
        Assert.Equal(["d2"], next.Documents.Select(d => d.Id));
    }

    [Fact]
    public async Task ReadChangeFeedAsync_BadContinuation_ThrowsBadRequest()
    {
        var container = await NewContainerAsync();

        var ex = await Assert.ThrowsAsync<DocumentStoreException>(() => container.ReadChangeFeedAsync("not a continuation", 10));

        Assert.Equal(DocumentStoreError.BadRequest, ex.Error);
    }

    [Fact]
    public async Task ExecuteBatchAsync_AllSucceed_WritesAllAndReturnsResultsInOrder()
    {
        var container = await NewContainerAsync();
        var existing = await container.CreateAsync("p1", "old", Doc("p1", "old", new { v = 1 }));

        var results = await container.ExecuteBatchAsync("p1",
        [
            DocumentOperation.Create("p1", "new", Doc("p1", "new")),
            DocumentOperation.Replace("p1", "old", Doc("p1", "old", new { v = 2 }), existing.ETag),
            DocumentOperation.Upsert("p1", "up", Doc("p1", "up")),
            DocumentOperation.Delete("p1", "new"),
        ]);

        Assert.Equal(4, results.Count);
        Assert.Equal("new", results[0]!.Id);
        Assert.Null(results[3]);
        Assert.Null(await container.ReadAsync("p1", "new"));
        Assert.NotNull(await container.ReadAsync("p1", "up"));
        var old = await container.ReadAsync("p1", "old");
        Assert.Equal(2, Number(old!, "v"));
        Assert.Equal(results[1]!.ETag, old!.ETag);
    }

    [Fact]
    public async Task ExecuteBatchAsync_OneOperationFails_WritesNothingAndReportsItsIndex()
    {
        var container = await NewContainerAsync();
        var existing = await container.CreateAsync("p1", "old", Doc("p1", "old", new { v = 1 }));

        var ex = await Assert.ThrowsAsync<DocumentStoreException>(() => container.ExecuteBatchAsync("p1",
        [
            DocumentOperation.Create("p1", "new", Doc("p1", "new")),
            DocumentOperation.Replace("p1", "old", Doc("p1", "old", new { v = 2 }), existing.ETag),
            DocumentOperation.Replace("p1", "old", Doc("p1", "old", new { v = 3 }), existing.ETag),
        ]));

        Assert.Equal(DocumentStoreError.PreconditionFailed, ex.Error);
        Assert.Equal(2, ex.OperationIndex);
        Assert.Null(await container.ReadAsync("p1", "new"));
        var old = await container.ReadAsync("p1", "old");
        Assert.Equal(existing.ETag, old!.ETag);
        Assert.Equal(1, Number(old, "v"));
    }

    [Fact]
    public async Task ExecuteBatchAsync_OperationInOtherPartition_ThrowsBadRequestAndWritesNothing()
    {
        var container = await NewContainerAsync();

        var ex = await Assert.ThrowsAsync<DocumentStoreException>(() => container.ExecuteBatchAsync("p1",
        [
            DocumentOperation.Create("p1", "a", Doc("p1", "a")),
            DocumentOperation.Create("p2", "b", Doc("p2", "b")),
        ]));

        Assert.Equal(DocumentStoreError.BadRequest, ex.Error);
        Assert.Equal(1, ex.OperationIndex);
        Assert.Null(await container.ReadAsync("p1", "a"));
    }
}
