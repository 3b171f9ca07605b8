using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ecf.Storage;
using Ecf.Storage.Sqlite;
using Microsoft.Data.Sqlite;

// Embedded document store vs raw Microsoft.Data.Sqlite doing the same work on the same file settings and table shape.
// Usage: dotnet run -c Release --project bench/Ecf.Bench.Storage [-- --quick]
var quick = args.Contains("--quick");
var rounds = quick ? 3 : 9;
var window = TimeSpan.FromMilliseconds(quick ? 250 : 1000);
const int Partitions = 50;
const int PerPartition = 100;

var folder = Path.Combine(Path.GetTempPath(), "ecf-bench-storage", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    var documents = BenchData.Build(Partitions, PerPartition);
    Console.WriteLine($"Documents: {documents.Count} in {Partitions} partitions, body {documents[0].Body.Length} bytes; {rounds} rounds of {window.TotalMilliseconds} ms per case and side.");

    await using var store = new SqliteDocumentStore(Path.Combine(folder, "store.db"));
    await store.EnsureContainersAsync([new ContainerDefinition("people", "/personId", ["kind"])]);
    var container = store.GetContainer("people");
    var storeETags = new string[documents.Count];
    var created = await container.BulkWriteAsync(documents.Select(d => DocumentOperation.Create(d.Pk, d.Id, d.Body)).ToList());
    for (var i = 0; i < created.Count; i++)
    {
        storeETags[i] = created[i].Document!.ETag;
    }

    using var raw = new RawStore(Path.Combine(folder, "raw.db"));
    raw.Load(documents);

    var random = new Random(42);
    var cases = new (string Name, Func<Task> Store, Action Raw)[]
    {
        ("point read",
            async () =>
            {
                var d = documents[random.Next(documents.Count)];
                var read = await container.ReadAsync(d.Pk, d.Id);
                if (read!.Json.Length == 0)
                {
                    throw new InvalidOperationException();
                }
            },
            () =>
            {
                var d = documents[random.Next(documents.Count)];
                raw.Read(d.Pk, d.Id);
            }),
        ("replace (If-Match)",
            async () =>
            {
                var i = random.Next(documents.Count);
                var d = documents[i];
                storeETags[i] = (await container.ReplaceAsync(d.Pk, d.Id, d.Body, storeETags[i])).ETag;
            },
            () =>
            {
                var i = random.Next(documents.Count);
                raw.Replace(i, documents[i]);
            }),
        ("query 100 docs",
            async () =>
            {
                var pk = documents[random.Next(documents.Count)].Pk;
                var page = await container.QueryAsync(pk, DocumentQuery.All(pageSize: 100).WhereEquals("kind", "participant"));
                if (page.Documents.Count != PerPartition)
                {
                    throw new InvalidOperationException("Expected a full page.");
                }
            },
            () =>
            {
                var pk = documents[random.Next(documents.Count)].Pk;
                if (raw.Query(pk) != PerPartition)
                {
                    throw new InvalidOperationException("Expected a full page.");
                }
            }),
    };

    var results = new List<(string Name, double Store, double Raw)>();
    foreach (var (name, storeOp, rawOp) in cases)
    {
        // Warm up both sides (JIT, statement caches, page cache).
        await Measure.RunAsync(storeOp, TimeSpan.FromMilliseconds(200));
        Measure.Run(rawOp, TimeSpan.FromMilliseconds(200));
        var storeRates = new List<double>();
        var rawRates = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            // Interleaved, alternating which side goes first, so drift on a noisy machine hits both.
            if (round % 2 == 0)
            {
                storeRates.Add(await Measure.RunAsync(storeOp, window));
                rawRates.Add(Measure.Run(rawOp, window));
            }
            else
            {
                rawRates.Add(Measure.Run(rawOp, window));
                storeRates.Add(await Measure.RunAsync(storeOp, window));
            }
        }

        results.Add((name, Measure.Median(storeRates), Measure.Median(rawRates)));
    }

    Console.WriteLine();
    Console.WriteLine($"{"case",-20} {"store ops/s",12} {"raw ops/s",12} {"store/raw",10}");
    Console.WriteLine(new string('-', 57));
    foreach (var (name, storeRate, rawRate) in results)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-20} {storeRate,12:N0} {rawRate,12:N0} {storeRate / rawRate,9:P0}"));
    }

    Console.WriteLine();
    Console.WriteLine("Medians of interleaved rounds; single thread; WAL, synchronous=NORMAL on both sides.");
}
finally
{
    try
    {
        Directory.Delete(folder, recursive: true);
    }
    catch (IOException)
    {
    }
}

internal sealed record BenchDocument(string Pk, string Id, byte[] Body);

internal static class BenchData
{
    /// <summary>Person-like documents of about 4 KB.</summary>
    public static List<BenchDocument> Build(int partitions, int perPartition)
    {
        var list = new List<BenchDocument>(partitions * perPartition);
        for (var p = 0; p < partitions; p++)
        {
            var pk = "person-" + p.ToString("D5", CultureInfo.InvariantCulture);
            for (var i = 0; i < perPartition; i++)
            {
                var id = pk + "-doc-" + i.ToString("D4", CultureInfo.InvariantCulture);
                var events = string.Join(',', Enumerable.Range(0, 36).Select(e =>
                    $$"""{"type":"declaration-submitted","at":"2025-0{{1 + (e % 9)}}-1{{e % 10}}T10:00:00Z","by":"lead-provider-{{e % 7}}","note":"milestone {{e}} evidence"}"""));
                var json = $$"""{"id":"{{id}}","personId":"{{pk}}","kind":"participant","trn":"{{1000000 + (p * perPartition) + i}}","name":"Teacher {{i}}","timeline":[{{events}}]}""";
                list.Add(new BenchDocument(pk, id, Encoding.UTF8.GetBytes(json)));
            }
        }

        return list;
    }
}

internal static class Measure
{
    public static double Run(Action op, TimeSpan window)
    {
        var watch = Stopwatch.StartNew();
        long count = 0;
        while (watch.Elapsed < window)
        {
            for (var i = 0; i < 16; i++)
            {
                op();
            }

            count += 16;
        }

        return count / watch.Elapsed.TotalSeconds;
    }

    public static async Task<double> RunAsync(Func<Task> op, TimeSpan window)
    {
        var watch = Stopwatch.StartNew();
        long count = 0;
        while (watch.Elapsed < window)
        {
            for (var i = 0; i < 16; i++)
            {
                await op();
            }

            count += 16;
        }

        return count / watch.Elapsed.TotalSeconds;
    }

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

/// <summary>The baseline: hand-written prepared commands on the same table shape, reading the same body bytes.</summary>
internal sealed class RawStore : IDisposable
{
    private readonly SqliteConnection _writer;
    private readonly SqliteConnection _reader;
    private readonly SqliteCommand _read;
    private readonly SqliteCommand _replace;
    private readonly SqliteCommand _query;
    private long[] _lsns = [];
    private long _nextLsn;

    public RawStore(string path)
    {
        SQLitePCL.Batteries_V2.Init();
        var connectionString = $"Data Source={path};Pooling=False";
        _writer = Open(connectionString, "PRAGMA journal_mode=WAL; PRAGMA cache_size=-65536; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA temp_store=MEMORY;");
        Exec(_writer, "CREATE TABLE docs (pk TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, lsn INTEGER NOT NULL, UNIQUE (pk, id))");
        Exec(_writer, "CREATE INDEX ix_docs_lsn ON docs (lsn)");
        Exec(_writer, "CREATE INDEX ix_docs_kind ON docs (pk, json_extract(body, '$.kind'))");
        _reader = Open(connectionString, "PRAGMA cache_size=-16384; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA temp_store=MEMORY;");
        _read = Command(_reader, "SELECT body, lsn FROM docs WHERE pk = @pk AND id = @id", "@pk", "@id");
        _replace = Command(_writer, "UPDATE docs SET body = CAST(@body AS TEXT), lsn = @lsn WHERE pk = @pk AND id = @id AND lsn = @expected", "@pk", "@id", "@body", "@lsn", "@expected");
        _query = Command(_reader, "SELECT pk, id, body, lsn FROM docs WHERE pk = @pk AND json_extract(body, '$.kind') = @kind ORDER BY id LIMIT 101", "@pk", "@kind");
    }

    public void Load(List<BenchDocument> documents)
    {
        _lsns = new long[documents.Count];
        Exec(_writer, "BEGIN");
        using var insert = Command(_writer, "INSERT INTO docs (pk, id, body, lsn) VALUES (@pk, @id, CAST(@body AS TEXT), @lsn)", "@pk", "@id", "@body", "@lsn");
        for (var i = 0; i < documents.Count; i++)
        {
            _lsns[i] = ++_nextLsn;
            insert.Parameters[0].Value = documents[i].Pk;
            insert.Parameters[1].Value = documents[i].Id;
            insert.Parameters[2].Value = documents[i].Body;
            insert.Parameters[3].Value = _lsns[i];
            insert.ExecuteNonQuery();
        }

        Exec(_writer, "COMMIT");
    }

    public byte[] Read(string pk, string id)
    {
        _read.Parameters[0].Value = pk;
        _read.Parameters[1].Value = id;
        using var reader = _read.ExecuteReader();
        reader.Read();
        var body = reader.GetFieldValue<byte[]>(0);
        _ = reader.GetInt64(1);
        return body;
    }

    public void Replace(int index, BenchDocument document)
    {
        var lsn = ++_nextLsn;
        _replace.Parameters[0].Value = document.Pk;
        _replace.Parameters[1].Value = document.Id;
        _replace.Parameters[2].Value = document.Body;
        _replace.Parameters[3].Value = lsn;
        _replace.Parameters[4].Value = _lsns[index];
        if (_replace.ExecuteNonQuery() != 1)
        {
            throw new InvalidOperationException("ETag mismatch.");
        }

        _lsns[index] = lsn;
    }

    public int Query(string pk)
    {
        _query.Parameters[0].Value = pk;
        _query.Parameters[1].Value = "participant";
        var rows = new List<(string, string, byte[], long)>(100);
        using var reader = _query.ExecuteReader();
        while (reader.Read() && rows.Count < 100)
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2), reader.GetInt64(3)));
        }

        return rows.Count;
    }

    public void Dispose()
    {
        _read.Dispose();
        _replace.Dispose();
        _query.Dispose();
        _reader.Dispose();
        _writer.Dispose();
    }

    private static SqliteConnection Open(string connectionString, string pragmas)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        Exec(connection, pragmas);
        return connection;
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }
}
