using System.Text;
using Ecf.Storage.Sqlite;
using Ecf.TestKit;
using Microsoft.Data.Sqlite;

namespace Ecf.Storage.Tests.Sqlite;

/// <summary>Behaviour of the embedded adapter beyond the shared contract: persistence, names, lsn and ETag rules, indexes.</summary>
public sealed class SqliteDocumentStoreTests : IDisposable
{
    private static readonly ContainerDefinition People = new("people", "/personId", ["status"]);
    private static readonly ContainerDefinition Views = new("provider-views", "/leadProviderId", ["updatedAt", "participant.trn"]);
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Constructor_MissingFolder_CreatesFolderAndWalFile()
    {
        await using var store = new SqliteDocumentStore(_temp.Path);
        await store.EnsureContainersAsync([People]);

        Assert.True(File.Exists(_temp.Path));
        Assert.Equal("wal", Scalar(store, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Reopen_AfterDispose_DocumentsAndETagsPersist()
    {
        StoredDocument created;
        await using (var store = new SqliteDocumentStore(_temp.Path))
        {
            await store.EnsureContainersAsync([People]);
            created = await store.GetContainer("people").CreateAsync("p1", "d1", Body("personId", "p1", "d1"));
        }

        await using var reopened = new SqliteDocumentStore(_temp.Path);
        await reopened.EnsureContainersAsync([People]);
        var read = await reopened.GetContainer("people").ReadAsync("p1", "d1");

        Assert.Equal(created.ETag, read!.ETag);
        Assert.Equal(Encoding.UTF8.GetString(created.Json.Span), Encoding.UTF8.GetString(read.Json.Span));
    }

    [Fact]
    public async Task Reopen_AfterDeletingNewestDocument_NeverReusesETagOrChangeFeedPosition()
    {
        StoredDocument deleted;
        string continuation;
        await using (var store = new SqliteDocumentStore(_temp.Path))
        {
            await store.EnsureContainersAsync([People]);
            var people = store.GetContainer("people");
            await people.CreateAsync("p1", "a", Body("personId", "p1", "a"));
            deleted = await people.CreateAsync("p1", "b", Body("personId", "p1", "b"));
            continuation = (await people.ReadChangeFeedAsync(null, 10)).Continuation;
            await people.DeleteAsync("p1", "b");
        }

        await using var reopened = new SqliteDocumentStore(_temp.Path);
        await reopened.EnsureContainersAsync([People]);
        var container = reopened.GetContainer("people");
        var recreated = await container.CreateAsync("p1", "b", Body("personId", "p1", "b"));
        var changes = await container.ReadChangeFeedAsync(continuation, 10);

        Assert.NotEqual(deleted.ETag, recreated.ETag);
        Assert.Equal(["b"], changes.Documents.Select(d => d.Id));
    }

    [Fact]
    public async Task TwoStoresOnOneFile_ConcurrentWrites_ETagsUniqueAndNoLostUpdate()
    {
        // Two store instances have separate writer connections and locks, as two processes sharing the file do.
        await using var first = new SqliteDocumentStore(_temp.Path);
        await using var second = new SqliteDocumentStore(_temp.Path);
        await first.EnsureContainersAsync([People]);
        await second.EnsureContainersAsync([People]);
        var a = first.GetContainer("people");
        var b = second.GetContainer("people");
        var shared = await a.CreateAsync("p", "shared", Body("personId", "p", "shared"));

        var writes = Enumerable.Range(0, 200).Select(i => (i % 2 == 0 ? a : b).CreateAsync("p", $"d{i}", Body("personId", "p", $"d{i}")));
        var created = await Task.WhenAll(writes);
        var replaces = await Task.WhenAll(new[] { a, b }.Select(async container =>
        {
            try
            {
                await container.ReplaceAsync("p", "shared", Body("personId", "p", "shared"), shared.ETag);
                return true;
            }
            catch (DocumentStoreException ex) when (ex.Error == DocumentStoreError.PreconditionFailed)
            {
                return false;
            }
        }));
        var feed = await a.ReadChangeFeedAsync(null, 1000);

        Assert.Equal(200, created.Select(d => d.ETag).Distinct().Count());
        Assert.DoesNotContain(shared.ETag, created.Select(d => d.ETag));
        Assert.Single(replaces, won => won);
        Assert.Equal(201, feed.Documents.Count);
        Assert.Equal(feed.Documents.Select(d => d.ETag).Distinct().Count(), feed.Documents.Count);
    }

    [Fact]
    public async Task ContainerWithDashAndDottedIndex_WorksAndQueriesUseTheIndex()
    {
        await using var store = new SqliteDocumentStore(_temp.Path);
        await store.EnsureContainersAsync([Views, People]);
        await store.EnsureContainersAsync([Views]);
        var views = store.GetContainer("provider-views");
        await views.CreateAsync("lp1", "v1", Encoding.UTF8.GetBytes("""{"id":"v1","leadProviderId":"lp1","participant":{"trn":"1234567"}}"""));

        var page = await views.QueryAsync("lp1", DocumentQuery.All().WhereEquals("participant.trn", "1234567"));
        var plan = Scalar(store, "EXPLAIN QUERY PLAN SELECT id FROM \"doc_provider-views\" WHERE pk = 'lp1' AND json_extract(body, '$.participant.trn') = '1'", column: 3);

        Assert.Equal(["v1"], page.Documents.Select(d => d.Id));
        Assert.Contains("ix_provider-views_participant.trn", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryCrossPartitionAsync_CrossPartitionIndexedPath_PagesInOrderFromThePartialIndex()
    {
        await using var store = new SqliteDocumentStore(_temp.Path);
        await store.EnsureContainersAsync([new ContainerDefinition("tasks", "/pk", CrossPartitionIndexedPaths: ["due"])]);
        var tasks = store.GetContainer("tasks");
        string[] due = ["2025-09-03", "2025-08-01", null!, "2025-09-01", "2025-09-01", "2025-12-01"];
        for (var i = 0; i < due.Length; i++)
        {
            var json = due[i] is null ? $$"""{"id":"t{{i}}","pk":"p{{i}}"}""" : $$"""{"id":"t{{i}}","pk":"p{{i}}","due":"{{due[i]}}"}""";
            await tasks.CreateAsync($"p{i}", $"t{i}", Encoding.UTF8.GetBytes(json));
        }

        var ids = new List<string>();
        string? continuation = null;
        do
        {
            var page = await tasks.QueryCrossPartitionAsync(DocumentQuery.All(2).Where("due", FilterOperator.LessThanOrEqual, "2025-09-03").OrderByAscending("due").WithContinuation(continuation));
            ids.AddRange(page.Documents.Select(d => d.Id));
            continuation = page.Continuation;
        }
        while (continuation is not null);
        var plan = Scalar(store, "EXPLAIN QUERY PLAN SELECT pk, id FROM \"doc_tasks\" WHERE 1 AND json_extract(body, '$.due') <= '2025-09-03' ORDER BY json_extract(body, '$.due'), pk, id LIMIT 3", column: 3);

        Assert.Equal(["t1", "t3", "t4", "t0"], ids);
        Assert.Contains("ix_tasks__x_due", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad name")]
    [InlineData("x\"; DROP TABLE ecf_lsn; --")]
    [InlineData("")]
    public async Task EnsureContainersAsync_UnsafeName_ThrowsBadRequest(string name)
    {
        await using var store = new SqliteDocumentStore(_temp.Path);

        var ex = await Assert.ThrowsAsync<DocumentStoreException>(() => store.EnsureContainersAsync([new ContainerDefinition(name, "/pk")]));

        Assert.Equal(DocumentStoreError.BadRequest, ex.Error);
    }

    [Fact]
    public async Task GetContainer_NotEnsured_Throws()
    {
        await using var store = new SqliteDocumentStore(_temp.Path);

        Assert.Throws<InvalidOperationException>(() => store.GetContainer("people"));
    }

    [Fact]
    public async Task ReadAsync_DuringOpenWriteTransaction_DoesNotWait()
    {
        await using var store = new SqliteDocumentStore(_temp.Path);
        await store.EnsureContainersAsync([People]);
        var people = store.GetContainer("people");
        await people.CreateAsync("p1", "d1", Body("personId", "p1", "d1"));
        using var blocker = new SqliteConnection($"Data Source={_temp.Path};Pooling=False");
        blocker.Open();
        using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE; UPDATE \"doc_people\" SET lsn = lsn WHERE id = 'd1';";
            begin.ExecuteNonQuery();
        }

        var read = await people.ReadAsync("p1", "d1").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotNull(read);
    }

    [Fact]
    public async Task PingAsync_AfterDispose_ReturnsFalse()
    {
        var store = new SqliteDocumentStore(_temp.Path);
        await store.DisposeAsync();

        Assert.False(await store.PingAsync());
    }

    [Fact]
    public async Task EnsureContainersAsync_NewFile_CreatesRowidTablesNotWithoutRowid()
    {
        await using var store = new SqliteDocumentStore(_temp.Path);
        await store.EnsureContainersAsync([People]);

        var sql = Scalar(store, "SELECT sql FROM sqlite_master WHERE name = 'doc_people'");

        Assert.DoesNotContain("WITHOUT ROWID", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("UNIQUE (pk, id)", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_FileWithEarlierWithoutRowidLayout_ReadsAndWritesAsBefore()
    {
        await using (var first = new SqliteDocumentStore(_temp.Path))
        {
            // Only to create the file; the table below is made by hand in the layout of earlier versions.
        }

        using (var connection = new SqliteConnection($"Data Source={_temp.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText =
                "CREATE TABLE \"doc_people\" (pk TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, lsn INTEGER NOT NULL, PRIMARY KEY (pk, id)) WITHOUT ROWID;" +
                "CREATE INDEX \"ix_people__lsn\" ON \"doc_people\" (lsn);" +
                "INSERT INTO \"doc_people\" VALUES ('p1', 'old', '{\"id\":\"old\",\"personId\":\"p1\"}', 7);";
            command.ExecuteNonQuery();
        }

        await using var store = new SqliteDocumentStore(_temp.Path);
        await store.EnsureContainersAsync([People]);
        var people = store.GetContainer("people");
        var old = await people.ReadAsync("p1", "old");
        var upserted = await people.UpsertAsync("p1", "old", Body("personId", "p1", "old"));
        var created = await people.CreateAsync("p1", "new", Body("personId", "p1", "new"));
        var duplicate = await Assert.ThrowsAsync<DocumentStoreException>(() => people.CreateAsync("p1", "new", Body("personId", "p1", "new")));

        Assert.Equal("\"7\"", old!.ETag);
        Assert.Equal("\"8\"", upserted.ETag);
        Assert.Equal("\"9\"", created.ETag);
        Assert.Equal(DocumentStoreError.Conflict, duplicate.Error);
        Assert.Equal("2", Scalar(store, "SELECT count(*) FROM \"doc_people\""));
    }

    private static byte[] Body(string partitionKeyProperty, string partitionKey, string id) =>
        Encoding.UTF8.GetBytes($$"""{"id":"{{id}}","{{partitionKeyProperty}}":"{{partitionKey}}"}""");

    private static string Scalar(SqliteDocumentStore store, string sql, int column = 0)
    {
        using var connection = new SqliteConnection($"Data Source={store.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(Convert.ToString(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return string.Join('\n', rows);
    }
}
