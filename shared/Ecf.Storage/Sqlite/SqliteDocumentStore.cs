using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Ecf.Storage.Sqlite;

/// <summary>
/// The embedded document store: one SQLite file in WAL mode with <c>synchronous=NORMAL</c> (a committed write survives a
/// process kill; a power cut may lose the last commits), one table per container. Writes go through one writer connection,
/// one at a time (an async lock); reads use a pool of connections and never wait for writes. Several processes may share a file
/// (SQLite's lock serialises their writes; each write statement computes its lsn under that lock).
/// </summary>
public sealed class SqliteDocumentStore : IDocumentStore
{
    private static readonly Lazy<bool> Initialised = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    private readonly ConcurrentDictionary<string, SqliteDocumentContainer> _containers = new(StringComparer.Ordinal);
    private readonly SqliteSession _writer;
    private bool _disposed;

    public SqliteDocumentStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _ = Initialised.Value;
        var fullPath = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        Path = fullPath;
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();
        _writer = new SqliteSession(connectionString, writer: true);
        _writer.Execute("CREATE TABLE IF NOT EXISTS ecf_lsn (container TEXT PRIMARY KEY, lsn INTEGER NOT NULL) WITHOUT ROWID");
        Readers = new SqliteReaderPool(connectionString);
    }

    public SqliteDocumentStore(SqliteStorageOptions options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Path)
    {
    }

    public string Kind => "sqlite";

    /// <summary>The database file.</summary>
    public string Path { get; }

    internal SemaphoreSlim WriteLock { get; } = new(1, 1);

    /// <summary>The writer session; use only while holding <see cref="WriteLock"/>.</summary>
    internal SqliteSession Writer => _writer;

    internal SqliteReaderPool Readers { get; }

    public async Task EnsureContainersAsync(IEnumerable<ContainerDefinition> containers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(containers);
        await WriteLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            foreach (var definition in containers)
            {
                EnsureContainer(definition);
            }
        }
        catch (SqliteException ex)
        {
            throw Unavailable(ex);
        }
        finally
        {
            WriteLock.Release();
        }
    }

    public IDocumentContainer GetContainer(string name) =>
        _containers.TryGetValue(name, out var container)
            ? container
            : throw new InvalidOperationException($"Container '{name}' is unknown; call EnsureContainersAsync first.");

    public Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_disposed)
        {
            return Task.FromResult(false);
        }

        var session = Readers.Rent();
        try
        {
            using var command = session.Connection.CreateCommand();
            command.CommandText = "SELECT 1";
            return Task.FromResult(Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1);
        }
        catch (SqliteException)
        {
            return Task.FromResult(false);
        }
        finally
        {
            Readers.Return(session);
        }
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c>; "ok" when the file is sound.</summary>
    public async Task<string> CheckIntegrityAsync(CancellationToken cancellationToken = default)
    {
        await WriteLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _writer.Connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }
        finally
        {
            WriteLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await WriteLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Readers.Dispose();
            _writer.Dispose();
        }
        finally
        {
            WriteLock.Release();
        }
    }

    internal static DocumentStoreException Unavailable(SqliteException ex) =>
        new(DocumentStoreError.Unavailable, $"The embedded store failed: {ex.Message}", ex);

    private void EnsureContainer(ContainerDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var table = SqliteSql.TableName(definition.Name);
        if (!SqliteSql.IsValidPath(definition.PartitionKeyProperty) || definition.PartitionKeyProperty.Contains('.', StringComparison.Ordinal))
        {
            throw new DocumentStoreException(DocumentStoreError.BadRequest, $"Invalid partition key path '{definition.PartitionKeyPath}'.");
        }

        var indexes = (definition.IndexedPaths ?? []).Select(path => (Path: path, Expression: SqliteSql.JsonExtract(path))).ToList();
        var crossPartition = (definition.CrossPartitionIndexedPaths ?? []).Select(path => (Path: path, Expression: SqliteSql.JsonExtract(path))).ToList();
        _writer.Execute("BEGIN IMMEDIATE");
        try
        {
            // An ordinary rowid table, not WITHOUT ROWID: bodies are several KB, and a WITHOUT ROWID table keeps whole rows in its
            // b-tree (interior cells too), so its fan-out collapses and every write and point read walks a deep tree of large
            // cells. Here rows are appended in rowid order and (pk, id) is a small unique index. Files created with the earlier
            // WITHOUT ROWID layout still open and work unchanged (every statement only names pk, id, body and lsn).
            _writer.Execute($"CREATE TABLE IF NOT EXISTS {table} (pk TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, lsn INTEGER NOT NULL, UNIQUE (pk, id))");
            _writer.Execute($"CREATE INDEX IF NOT EXISTS \"ix_{definition.Name}__lsn\" ON {table} (lsn)");
            foreach (var (path, expression) in indexes)
            {
                _writer.Execute($"CREATE INDEX IF NOT EXISTS \"ix_{definition.Name}_{path}\" ON {table} (pk, {expression})");
            }

            // Across partitions: a partial index, so documents without the property (most of them) cost nothing. A filter with
            // a comparison on the path implies IS NOT NULL, which lets SQLite use it.
            foreach (var (path, expression) in crossPartition)
            {
                _writer.Execute($"CREATE INDEX IF NOT EXISTS \"ix_{definition.Name}__x_{path}\" ON {table} ({expression}, pk, id) WHERE {expression} IS NOT NULL");
            }

            _writer.Execute("COMMIT");
        }
        catch
        {
            _writer.Execute("ROLLBACK");
            throw;
        }

        if (_containers.TryGetValue(definition.Name, out var existing))
        {
            existing.Definition = definition;
            return;
        }

        _containers[definition.Name] = new SqliteDocumentContainer(this, definition);
    }
}
