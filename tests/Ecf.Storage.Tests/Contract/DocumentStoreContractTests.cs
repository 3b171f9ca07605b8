using System.Text;

namespace Ecf.Storage.Tests.Contract;

/// <summary>
/// The behaviour every <see cref="IDocumentStore"/> adapter must have (the XML docs of <see cref="IDocumentContainer"/>).
/// <para>
/// To run it on an adapter: derive a sealed class, implement <see cref="DocumentStoreTestBase.CreateStoreAsync"/> (a fresh store,
/// or a shared one from an <c>IClassFixture</c> with <see cref="DocumentStoreTestBase.ReleaseStoreAsync"/> overridden to do
/// nothing). Every test works in its own uniquely named container, so tests may share one server. Features the Cosmos-protocol
/// test server lacks live in <see cref="EmbeddedOnlyContractTests"/>, listed with reasons in <see cref="CosmosServerGaps"/>.
/// </para>
/// </summary>
public abstract class DocumentStoreContractTests : DocumentStoreTestBase
{
    [Fact]
    public async Task CreateAsync_NewDocument_ReadReturnsBodyAndSameETag()
    {
        var container = await NewContainerAsync();

        var created = await container.CreateAsync("p1", "d1", Doc("p1", "d1", new { name = "Ada" }));
        var read = await container.ReadAsync("p1", "d1");

        Assert.NotNull(read);
        Assert.Equal("d1", read.Id);
        Assert.Equal("p1", read.PartitionKey);
        Assert.Equal("Ada", Str(read, "name"));
        Assert.False(string.IsNullOrEmpty(created.ETag));
        Assert.Equal(created.ETag, read.ETag);
    }

    [Fact]
    public async Task CreateAsync_ExistingId_ThrowsConflictAndKeepsOriginal()
    {
        var container = await NewContainerAsync();
        await container.CreateAsync("p1", "d1", Doc("p1", "d1", new { v = 1 }));

        var ex = await Assert.ThrowsAsync<DocumentStoreException>(() => container.CreateAsync("p1", "d1", Doc("p1", "d1", new { v = 2 })));

        Assert.Equal(DocumentStoreError.Conflict, ex.Error);
        Assert.Equal(1, Number((await container.ReadAsync("p1", "d1"))!, "v"));
    }

    [Fact]
    public async Task ReadAsync_MissingDocument_ReturnsNull()
    {
        var container = await NewContainerAsync();
        await container.CreateAsync("p1", "d1", Doc("p1", "d1"));

        Assert.Null(await container.ReadAsync("p1", "nope"));
        Assert.Null(await container.ReadAsync("p2", "d1"));
    }

    [Fact]
    public async Task ReadManyAsync_KeysInSeveralPartitionsSomeMissing_ReturnsEachInOrderWithNullForMissing()
    {
        var container = await NewContainerAsync();
        var a = await container.CreateAsync("p1", "d1", Doc("p1", "d1", new { name = "Ada" }));
        var b = await container.CreateAsync("p2", "d2", Doc("p2", "d2", new { name = "Bo" }));

        var read = await container.ReadManyAsync([new("p2", "d2"), new("p1", "nope"), new("p1", "d1"), new("p2", "d1"), new("p2", "d2")]);

        Assert.Equal(5, read.Count);
        Assert.Equal(("p2", "d2", "Bo", b.ETag), (read[0]!.PartitionKey, read[0]!.Id, Str(read[0]!, "name"), read[0]!.ETag));
        Assert.Null(read[1]);
        Assert.Equal(("p1", "d1", "Ada", a.ETag), (read[2]!.PartitionKey, read[2]!.Id, Str(read[2]!, "name"), read[2]!.ETag));
        Assert.Null(read[3]);
        Assert.Equal("Bo", Str(read[4]!, "name"));
        Assert.Empty(await container.ReadManyAsync([]));
    }

    [Fact]
    public async Task ReplaceAsync_CurrentETag_ReplacesAndChangesETag()
    {
        var container = await NewContainerAsync();
        var created = await container.CreateAsync("p1", "d1", Doc("p1", "d1", new { v = 1 }));

        var replaced = await container.ReplaceAsync("p1", "d1", Doc("p1", "d1", new { v = 2 }), created.ETag);
        var read = await container.ReadAsync("p1", "d1");

        Assert.NotEqual(created.ETag, replaced.ETag);
        Assert.Equal(replaced.ETag, read!.ETag);
        Assert.Equal(2, Number(read, "v"));
    }

    [Fact]
    public async Task ReplaceAsync_NoETag_ReplacesUnconditionally()
    {
        var container = await NewContainerAsync();
        await container.CreateAsync("p1", "d1", Doc("p1", "d1", new { v = 1 }));

        await container.ReplaceAsync("p1", "d1", Doc("p1", "d1", new { v = 2 }), ifMatch: null);

        Assert.Equal(2, Number((await container.ReadAsync("p1", "d1"))!, "v"));
    }

    [Fact]
    public async Task ReplaceAsync_StaleETag_ThrowsPreconditionFailedAndKeepsCurrent()
    {
        var container = await NewContainerAsync();
        var created = await container.CreateAsync("p1", "d1", Doc("p1", "d1", new { v = 1 }));
        await container.ReplaceAsync("p1", "d1", Doc("p1", "d1", new { v = 2 }), created.ETag);

        var ex = await Assert.ThrowsAsync<DocumentStoreException>(() => container.ReplaceAsync("p1", "d1", Doc("p1", "d1", new { v = 3 }), created.ETag));

        Assert.Equal(DocumentStoreError.PreconditionFailed, ex.Error);
        Assert.Equal(2, Number((await container.ReadAsync("p1", "d1"))!, "v"));
    }

    [Fact]
    public async Task ReplaceAsync_MissingDocument_ThrowsNotFound()
    {
        var container = await NewContainerAsync();

        var ex = await Assert.ThrowsAsync<DocumentStoreException>(() => container.ReplaceAsync("p1", "d1", Doc("p1", "d1"), ifMatch: null));

        Assert.Equal(DocumentStoreError.NotFound, ex.Error);
        Assert.Null(await container.ReadAsync("p1", "d1"));
    }

    [Fact]
    public async Task UpsertAsync_NewThenExisting_CreatesThenReplacesWithNewETag()
    {
        var container = await NewContainerAsync();

        var first = await container.UpsertAsync("p1", "d1", Doc("p1", "d1", new { v = 1 }));
        var afterFirst = await container.ReadAsync("p1", "d1");
        var second = await container.UpsertAsync("p1", "d1", Doc("p1", "d1", new { v = 2 }));
        var afterSecond = await container.ReadAsync("p1", "d1");

        Assert.Equal(1, Number(afterFirst!, "v"));
        Assert.Equal(2, Number(afterSecond!, "v"));
        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal(second.ETag, afterSecond!.ETag);
    }

    [Fact]
    public async Task DeleteAsync_ExistingDocument_RemovesIt()
    {
        var container = await NewContainerAsync();
        var created = await container.CreateAsync("p1", "d1", Doc("p1", "d1"));

        await container.DeleteAsync("p1", "d1", created.ETag);

        Assert.Null(await container.ReadAsync("p1", "d1"));
    }

    [Fact]
    public async Task DeleteAsync_MissingDocument_ThrowsNotFound()
    {
        var container = await NewContainerAsync();

        var ex = await Assert.ThrowsAsync<DocumentStoreException>(() => container.DeleteAsync("p1", "d1"));

        Assert.Equal(DocumentStoreError.NotFound, ex.Error);
    }

    [Fact]
    public async Task DeleteAsync_StaleETag_ThrowsPreconditionFailedAndKeepsDocument()
    {
        var container = await NewContainerAsync();
        var created = await container.CreateAsync("p1", "d1", Doc("p1", "d1", new { v = 1 }));
        await container.ReplaceAsync("p1", "d1", Doc("p1", "d1", new { v = 2 }), created.ETag);

        var ex = await Assert.ThrowsAsync<DocumentStoreException>(() => container.DeleteAsync("p1", "d1", created.ETag));

        Assert.Equal(DocumentStoreError.PreconditionFailed, ex.Error);
        Assert.Equal(2, Number((await container.ReadAsync("p1", "d1"))!, "v"));
    }

    [Fact]
    public async Task DeleteThenCreate_OldETag_DoesNotMatchNewDocument()
    {
        var container = await NewContainerAsync();
        var first = await container.CreateAsync("p1", "d1", Doc("p1", "d1", new { v = 1 }));
        await container.DeleteAsync("p1", "d1");
        await container.CreateAsync("p1", "d1", Doc("p1", "d1", new { v = 2 }));

        var ex = await Assert.ThrowsAsync<DocumentStoreException>(() => container.ReplaceAsync("p1", "d1", Doc("p1", "d1", new { v = 3 }), first.ETag));

        Assert.Equal(DocumentStoreError.PreconditionFailed, ex.Error);
    }

    [Fact]
    public async Task SameIdInTwoPartitions_WritesAreIndependent()
    {
        var container = await NewContainerAsync();
        await container.CreateAsync("p1", "d1", Doc("p1", "d1", new { v = 1 }));
        await container.CreateAsync("p2", "d1", Doc("p2", "d1", new { v = 2 }));

        await container.ReplaceAsync("p1", "d1", Doc("p1", "d1", new { v = 10 }), null);
        await container.DeleteAsync("p2", "d1");

        Assert.Equal(10, Number((await container.ReadAsync("p1", "d1"))!, "v"));
        Assert.Null(await container.ReadAsync("p2", "d1"));
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { "id mismatch", """{"id":"other","personId":"p1"}""" },
        { "partition key mismatch", """{"id":"d1","personId":"p2"}""" },
        { "id missing", """{"personId":"p1"}""" },
        { "partition key missing", """{"id":"d1"}""" },
        { "not an object", """["d1","p1"]""" },
        { "malformed", """{"id":"d1","personId":"p1",""" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task CreateAsync_InvalidBody_ThrowsBadRequestAndWritesNothing(string reason, string body)
    {
        var container = await NewContainerAsync();

        var ex = await Assert.ThrowsAsync<DocumentStoreException>(() => container.CreateAsync("p1", "d1", Encoding.UTF8.GetBytes(body)));

        Assert.True(ex.Error == DocumentStoreError.BadRequest, reason);
        Assert.Null(await container.ReadAsync("p1", "d1"));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a?b")]
    [InlineData("a#b")]
    public async Task CreateAsync_IdWithCharacterCosmosRejects_ThrowsBadRequest(string id)
    {
        var container = await NewContainerAsync();

        var ex = await Assert.ThrowsAsync<DocumentStoreException>(() => container.CreateAsync("p1", id, Doc("p1", id)));

        Assert.Equal(DocumentStoreError.BadRequest, ex.Error);
    }

    [Fact]
    public async Task ReplaceAndUpsert_BodyIdMismatch_ThrowBadRequest()
    {
        var container = await NewContainerAsync();
        await container.CreateAsync("p1", "d1", Doc("p1", "d1"));

        var replace = await Assert.ThrowsAsync<DocumentStoreException>(() => container.ReplaceAsync("p1", "d1", Doc("p1", "d2"), null));
        var upsert = await Assert.ThrowsAsync<DocumentStoreException>(() => container.UpsertAsync("p1", "d1", Doc("p9", "d1"), CancellationToken.None));

        Assert.Equal(DocumentStoreError.BadRequest, replace.Error);
        Assert.Equal(DocumentStoreError.BadRequest, upsert.Error);
    }

    /// <summary>
    /// Five documents in p1 (n = 1..5, status a/b/a/c/b, tag only on 1 and 2, 3 has tag null; tags ["x", "y", 7], ["y"], [],
    /// the string "x", none) and one in p2 (tags ["x"]).
    /// </summary>
    private async Task<IDocumentContainer> SeedFiltersAsync()
    {
        var container = await NewContainerAsync("/personId", "n", "status");
        string[] statuses = ["a", "b", "a", "c", "b"];
        for (var n = 1; n <= 5; n++)
        {
            object extra = n switch
            {
                1 => new { n, status = statuses[n - 1], tag = "x" + n, nested = new { level = n * 10 }, tags = new object[] { "x", "y", 7 } },
                2 => new { n, status = statuses[n - 1], tag = "x" + n, nested = new { level = n * 10 }, tags = new object[] { "y" } },
                3 => new { n, status = statuses[n - 1], tag = (string?)null, nested = new { level = n * 10 }, tags = Array.Empty<string>() },
                4 => new { n, status = statuses[n - 1], nested = new { level = n * 10 }, tags = "x" },
                _ => new { n, status = statuses[n - 1], nested = new { level = n * 10 } },
            };
            await container.CreateAsync("p1", "d" + n, Doc("p1", "d" + n, extra));
        }

        await container.CreateAsync("p2", "d9", Doc("p2", "d9", new { n = 3, status = "a", tags = new[] { "x" } }));
        return container;
    }

    public static TheoryData<string, FilterOperator, object?, string> FilterCases => new()
    {
        { "n", FilterOperator.Equal, 3, "d3" },
        { "n", FilterOperator.NotEqual, 3, "d1,d2,d4,d5" },
        { "n", FilterOperator.GreaterThan, 3, "d4,d5" },
        { "n", FilterOperator.GreaterThanOrEqual, 3, "d3,d4,d5" },
        { "n", FilterOperator.LessThan, 3, "d1,d2" },
        { "n", FilterOperator.LessThanOrEqual, 3, "d1,d2,d3" },
        { "status", FilterOperator.Equal, "a", "d1,d3" },
        { "status", FilterOperator.In, new[] { "b", "c" }, "d2,d4,d5" },
        { "n", FilterOperator.In, new[] { 1, 5, 7 }, "d1,d5" },
        { "status", FilterOperator.In, Array.Empty<string>(), "" },
        { "nested.level", FilterOperator.GreaterThanOrEqual, 40, "d4,d5" },
        { "tag", FilterOperator.Equal, null, "d3,d4,d5" },
        { "tag", FilterOperator.NotEqual, null, "d1,d2" },
        { "tag", FilterOperator.Equal, "x2", "d2" },
        { "tags", FilterOperator.ArrayContains, "x", "d1" },
        { "tags", FilterOperator.ArrayContains, "y", "d1,d2" },
        { "tags", FilterOperator.ArrayContains, 7, "d1" },
        { "tags", FilterOperator.ArrayContains, "z", "" },
        { "", FilterOperator.AnyOf, new QueryFilter[] { new("n", FilterOperator.Equal, 4), new("tags", FilterOperator.ArrayContains, "y") }, "d1,d2,d4" },
        { "", FilterOperator.AnyOf, new QueryFilter[] { new("status", FilterOperator.In, new[] { "c" }), new("", FilterOperator.AnyOf, new QueryFilter[] { new("n", FilterOperator.LessThan, 2), new("tag", FilterOperator.Equal, "x2") }) }, "d1,d2,d4" },
        { "", FilterOperator.AnyOf, new QueryFilter[] { new("tags", FilterOperator.ArrayContains, 7) }, "d1" },
        { "", FilterOperator.AnyOf, Array.Empty<QueryFilter>(), "" },
    };

    [Theory]
    [MemberData(nameof(FilterCases))]
    public async Task QueryAsync_Filter_ReturnsMatchingDocumentsOfThePartitionOnly(string path, FilterOperator op, object? value, string expectedIds)
    {
        var container = await SeedFiltersAsync();

        var page = await container.QueryAsync("p1", DocumentQuery.All().Where(path, op, value).OrderByAscending("n"));

        Assert.Equal(expectedIds, string.Join(',', page.Documents.Select(d => d.Id)));
        Assert.All(page.Documents, d => Assert.Equal("p1", d.PartitionKey));
        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task QueryAsync_SeveralFilters_AreCombinedWithAnd()
    {
        var container = await SeedFiltersAsync();

        var page = await container.QueryAsync("p1", DocumentQuery.All().WhereEquals("status", "b").Where("n", FilterOperator.GreaterThan, 2));

        Assert.Equal(["d5"], page.Documents.Select(d => d.Id));
    }

    [Fact]
    public async Task QueryAsync_ArrayContainsNull_ThrowsBadRequest()
    {
        var container = await SeedFiltersAsync();

        var ex = await Assert.ThrowsAsync<DocumentStoreException>(() => container.QueryAsync("p1", DocumentQuery.All().Where("tags", FilterOperator.ArrayContains, null)));

        Assert.Equal(DocumentStoreError.BadRequest, ex.Error);
    }

    [Fact]
    public async Task QueryAsync_ArrayContainsWithOtherFiltersAndPaging_PagesTheMatchesOnce()
    {
        var container = await SeedFiltersAsync();
        var query = DocumentQuery.All().Where("tags", FilterOperator.ArrayContains, "y").Where("n", FilterOperator.GreaterThanOrEqual, 1).OrderByAscending("n").WithPageSize(1);

        var first = await container.QueryAsync("p1", query);
        var second = await container.QueryAsync("p1", query.WithContinuation(first.Continuation));

        Assert.Equal(["d1", "d2"], first.Documents.Concat(second.Documents).Select(d => d.Id));
    }

    [Fact]
    public async Task QueryAsync_InvalidPath_ThrowsBadRequest()
    {
        var container = await SeedFiltersAsync();

        var ex = await Assert.ThrowsAsync<DocumentStoreException>(() => container.QueryAsync("p1", DocumentQuery.All().WhereEquals("n') OR 1=1 --", 1)));

        Assert.Equal(DocumentStoreError.BadRequest, ex.Error);
    }

    [Fact]
    public async Task QueryAsync_OrderBySeveralKeysAscAndDesc_ReturnsTotalOrder()
    {
        var container = await NewContainerAsync("/personId", "group");
        // (group, rank) pairs shuffled; ties on both keys are broken by id.
        (string Id, string Group, int Rank)[] rows =
        [
            ("e", "b", 1), ("a", "a", 2), ("d", "b", 2), ("c", "a", 1), ("b", "a", 2), ("f", "c", 0), ("g", "b", 2),
        ];
        foreach (var (id, group, rank) in rows)
        {
            await container.CreateAsync("p1", id, Doc("p1", id, new { group, rank }));
        }

        var ascDesc = await container.QueryAsync("p1", DocumentQuery.All().OrderByAscending("group").OrderByDescending("rank"));
        var descAsc = await container.QueryAsync("p1", DocumentQuery.All().OrderByDescending("group").OrderByAscending("rank"));

        Assert.Equal("a,b,c,d,g,e,f", string.Join(',', ascDesc.Documents.Select(d => d.Id)));
        Assert.Equal("f,e,d,g,c,a,b", string.Join(',', descAsc.Documents.Select(d => d.Id)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task QueryAsync_PagingWithInsertsBetweenPages_ReturnsEveryRowOnceInOrder(bool descending)
    {
        var container = await NewContainerAsync("/personId", "seq");
        // Sequence numbers with duplicates (seq = i / 3) so the id tie-breaker matters across page boundaries.
        var original = new List<(int Seq, string Id)>();
        for (var i = 0; i < 60; i++)
        {
            var id = $"d{i:D3}";
            original.Add((i / 3, id));
            await container.CreateAsync("p1", id, Doc("p1", id, new { seq = i / 3 }));
        }

        var query = DocumentQuery.All(pageSize: 7);
        query = descending ? query.OrderByDescending("seq") : query.OrderByAscending("seq");
        var seen = new List<(int Seq, string Id)>();
        var inserted = 0;
        string? continuation = null;
        do
        {
            var page = await container.QueryAsync("p1", query.WithContinuation(continuation));
            seen.AddRange(page.Documents.Select(d => (Number(d, "seq"), d.Id)));
            continuation = page.Continuation;

            // Between pages: one row far behind the cursor (never seen) and one far ahead (must be seen).
            var behind = descending ? 1000 + inserted : -1000 - inserted;
            var ahead = descending ? -1000 - inserted : 1000 + inserted;
            await container.CreateAsync("p1", $"behind{inserted}", Doc("p1", $"behind{inserted}", new { seq = behind }));
            await container.CreateAsync("p1", $"ahead{inserted}", Doc("p1", $"ahead{inserted}", new { seq = ahead }));
            inserted++;
        }
        while (continuation is not null && inserted < 100);

        Assert.True(inserted > 8, "Expected many pages.");
        Assert.DoesNotContain(seen, r => r.Id.StartsWith("behind", StringComparison.Ordinal));
        Assert.Equal(original.Count, seen.Count(r => r.Id.StartsWith('d')));
        Assert.Equal(seen.Count, seen.Select(r => r.Id).Distinct().Count());
        Assert.Contains(seen, r => r.Id.StartsWith("ahead", StringComparison.Ordinal));
        var expectedOrder = descending
            ? seen.OrderByDescending(r => r.Seq).ThenBy(r => r.Id, StringComparer.Ordinal)
            : seen.OrderBy(r => r.Seq).ThenBy(r => r.Id, StringComparer.Ordinal);
        Assert.Equal(expectedOrder.Select(r => r.Id), seen.Select(r => r.Id));
    }

    [Fact]
    public async Task QueryAsync_PagingWithoutOrder_ReturnsEveryRowOnce()
    {
        var container = await NewContainerAsync();
        for (var i = 0; i < 25; i++)
        {
            await container.CreateAsync("p1", $"d{i:D2}", Doc("p1", $"d{i:D2}"));
        }

        var all = await ReadAllPagesAsync(c => container.QueryAsync("p1", DocumentQuery.All(pageSize: 4).WithContinuation(c)));

        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"d{i:D2}"), all.Select(d => d.Id));
    }

    [Theory]
    [InlineData("not-base64!!")]
    [InlineData("bm90IGpzb24")]
    [InlineData("WyJvbmx5Il0")]
    public async Task QueryAsync_BadContinuation_ThrowsBadRequest(string continuation)
    {
        var container = await SeedFiltersAsync();

        var ex = await Assert.ThrowsAsync<DocumentStoreException>(() => container.QueryAsync("p1", DocumentQuery.All().OrderByAscending("n").WithContinuation(continuation)));

        Assert.Equal(DocumentStoreError.BadRequest, ex.Error);
    }

    [Fact]
    public async Task BulkWriteAsync_MixedOperations_ReportsEachResultInOrder()
    {
        var container = await NewContainerAsync();
        var existing = await container.CreateAsync("p1", "exists", Doc("p1", "exists", new { v = 1 }));
        await container.CreateAsync("p2", "gone", Doc("p2", "gone"));
        DocumentOperation[] operations =
        [
            DocumentOperation.Create("p1", "new1", Doc("p1", "new1")),
            DocumentOperation.Create("p1", "exists", Doc("p1", "exists", new { v = 99 })),
            DocumentOperation.Replace("p1", "exists", Doc("p1", "exists", new { v = 2 }), existing.ETag),
            DocumentOperation.Replace("p1", "exists", Doc("p1", "exists", new { v = 3 }), existing.ETag),
            DocumentOperation.Replace("p1", "missing", Doc("p1", "missing"), null),
            DocumentOperation.Upsert("p3", "up", Doc("p3", "up")),
            DocumentOperation.Delete("p2", "gone"),
            DocumentOperation.Delete("p2", "gone"),
            DocumentOperation.Create("p1", "bad", Doc("p1", "other")),
        ];

        var results = await container.BulkWriteAsync(operations);

        Assert.Equal(
            [null, DocumentStoreError.Conflict, null, DocumentStoreError.PreconditionFailed, DocumentStoreError.NotFound, null, null, DocumentStoreError.NotFound, DocumentStoreError.BadRequest],
            results.Select(r => r.Error));
        Assert.Equal("new1", results[0].Document!.Id);
        Assert.Null(results[6].Document);
        Assert.NotNull(await container.ReadAsync("p1", "new1"));
        Assert.NotNull(await container.ReadAsync("p3", "up"));
        Assert.Null(await container.ReadAsync("p2", "gone"));
        Assert.Null(await container.ReadAsync("p1", "bad"));
        var exists = await container.ReadAsync("p1", "exists");
        Assert.Equal(2, Number(exists!, "v"));
        Assert.Equal(results[2].Document!.ETag, exists!.ETag);
    }

    [Fact]
    public async Task ReplaceAsync_100ConcurrentWithSameETag_ExactlyOneWins()
    {
        var container = await NewContainerAsync();
        var start = await container.CreateAsync("p1", "d1", Doc("p1", "d1", new { writer = -1 }));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(0, 100).Select(writer => Task.Run(async () =>
        {
            await gate.Task;
            try
            {
                var stored = await container.ReplaceAsync("p1", "d1", Doc("p1", "d1", new { writer }), start.ETag);
                return (writer, (DocumentStoreError?)null, stored.ETag);
            }
            catch (DocumentStoreException ex)
            {
                return (writer, (DocumentStoreError?)ex.Error, (string?)null);
            }
        })).ToList();
        gate.SetResult();
        var outcomes = await Task.WhenAll(attempts);

        var winners = outcomes.Where(o => o.Item2 is null).ToList();
        Assert.Single(winners);
        Assert.Equal(99, outcomes.Count(o => o.Item2 == DocumentStoreError.PreconditionFailed));
        var stored = await container.ReadAsync("p1", "d1");
        Assert.Equal(winners[0].writer, Number(stored!, "writer"));
        Assert.Equal(winners[0].Item3, stored!.ETag);
    }

    [Fact]
    public async Task RoundTrip_UnicodeAndLargeDocument_PreservesContent()
    {
        var container = await NewContainerAsync();
        const string unicode = "Zoë Ōkuma-Brontë 李小龙 🙂 \"quoted\" \\ back\nslash";
        var large = string.Concat(Enumerable.Range(0, 100_000 / 10).Select(i => $"line {i:D6} éàü  ")).Substring(0, 100_000);
        var pk = "pk-ü-🙂";
        var id = "id:ümlaut 🙂";

        await container.CreateAsync(pk, id, Doc(pk, id, new { unicode, large }));
        var read = await container.ReadAsync(pk, id);
        var page = await container.QueryAsync(pk, DocumentQuery.All().WhereEquals("unicode", unicode));

        Assert.Equal(unicode, Str(read!, "unicode"));
        Assert.Equal(large, Str(read!, "large"));
        Assert.Equal(id, read!.Id);
        Assert.Equal(pk, read.PartitionKey);
        Assert.Equal([id], page.Documents.Select(d => d.Id));
    }

    [Fact]
    public async Task TypedExtensions_RoundTripRecord()
    {
        var container = await NewContainerAsync();
        var person = new PersonDoc("p1", "p1", "Grace", 3);

        await container.CreateAsync("p1", "p1", person);
        var read = await container.ReadAsync<PersonDoc>("p1", "p1");

        Assert.Equal(person, read);
        Assert.Contains("\"personId\"", Utf8(DocumentJson.Serialize(person)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PingAsync_OpenStore_ReturnsTrue()
    {
        Assert.True(await Store.PingAsync());
    }

    private sealed record PersonDoc(string Id, string PersonId, string Name, int Count);
}
