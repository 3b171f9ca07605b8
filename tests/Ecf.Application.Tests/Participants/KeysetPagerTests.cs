using System.Text.Json;
using Ecf.Application.Participants;
using Ecf.Storage;
using Ecf.Storage.Sqlite;

namespace Ecf.Application.Tests.Participants;

/// <summary>Numbered pages over keyset queries on the real embedded store, while rows are written between pages.</summary>
public sealed class KeysetPagerTests : IAsyncLifetime
{
    private const string Partition = "provider-1";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ecf-pager-" + Guid.NewGuid().ToString("N"));
    private SqliteDocumentStore _store = null!;
    private IDocumentContainer _rows = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _store = new SqliteDocumentStore(Path.Combine(_folder, "ecf.db"));
        await _store.EnsureContainersAsync([new ContainerDefinition("rows", "/pk", ["sortKey"])]);
        _rows = _store.GetContainer("rows");
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task PageAsync_RowInsertedBeforeTheEndAfterAFullLastPage_NextPageRepeatsNothing()
    {
        for (var key = 1; key <= 10; key++)
        {
            await InsertAsync(key * 10);
        }

        var pager = new KeysetPager(new PageCursorCache());
        var query = DocumentQuery.All().Where("sortKey", FilterOperator.NotEqual, null).OrderByAscending("sortKey");
        var seen = new List<string>();
        seen.AddRange(Ids(await pager.PageAsync(_rows, Partition, query, "signature", 1, 5, default)));
        seen.AddRange(Ids(await pager.PageAsync(_rows, Partition, query, "signature", 2, 5, default)));

        // Page 2 ended the list; a row lands inside it and another after it before the client asks for page 3.
        await InsertAsync(75);
        await InsertAsync(110);
        var third = Ids(await pager.PageAsync(_rows, Partition, query, "signature", 3, 5, default));

        Assert.Equal(Enumerable.Range(1, 10).Select(k => Id(k * 10)), seen);
        Assert.Equal([Id(110)], third);
    }

    private Task<StoredDocument> InsertAsync(int key) => _rows.CreateAsync(
        Partition,
        Id(key),
        JsonSerializer.SerializeToUtf8Bytes(new { id = Id(key), pk = Partition, sortKey = key.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), resource = new { id = Id(key) } }));

    private static string Id(int key) => "row-" + key.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Ids(IReadOnlyList<ReadOnlyMemory<byte>> resources) =>
        [.. resources.Select(r => JsonDocument.Parse(r).RootElement.GetProperty("id").GetString()!)];
}
