using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Ecf.Storage.Sqlite;

/// <summary>
/// A container of <see cref="SqliteDocumentStore"/>: one table <c>(pk, id, body TEXT, lsn)</c>. Every write takes the store's
/// writer lock and gets the container's next lsn, which is both the ETag and the change-feed position, so commit order equals lsn
/// order. Each write is one statement, so a failed operation inside a bulk transaction changes nothing and needs no savepoint.
/// </summary>
internal sealed class SqliteDocumentContainer : IDocumentContainer
{
    private readonly SqliteDocumentStore _store;
    private readonly byte[] _partitionKeyProperty;
    private readonly string _readSql;
    private readonly string _existsSql;
    private readonly string _createSql;
    private readonly string _updateSql;
    private readonly string _updateIfSql;
    private readonly string _upsertSql;
    private readonly string _deleteSql;
    private readonly string _deleteIfSql;
    private readonly string _changeFeedSql;

    /// <summary>Highest lsn handed out (only touched under the writer lock).</summary>
    private long _lsn;

    /// <summary>Highest lsn known to be saved in the lsn table, which must stay ≥ the lsn of any deleted row.</summary>
    private long _savedFloor;

    public SqliteDocumentContainer(SqliteDocumentStore store, ContainerDefinition definition, long lsn, long savedFloor)
    {
        _store = store;
        Definition = definition;
        _partitionKeyProperty = Encoding.UTF8.GetBytes(definition.PartitionKeyProperty);
        _lsn = lsn;
        _savedFloor = savedFloor;
        var table = SqliteSql.TableName(definition.Name);
        _readSql = $"SELECT body, lsn FROM {table} WHERE pk = @pk AND id = @id";
        _existsSql = $"SELECT 1 FROM {table} WHERE pk = @pk AND id = @id";
        _createSql = $"INSERT INTO {table} (pk, id, body, lsn) VALUES (@pk, @id, CAST(@body AS TEXT), @lsn) ON CONFLICT DO NOTHING";
        _updateSql = $"UPDATE {table} SET body = CAST(@body AS TEXT), lsn = @lsn WHERE pk = @pk AND id = @id";
        _updateIfSql = _updateSql + " AND lsn = @expected";
        _upsertSql = $"INSERT INTO {table} (pk, id, body, lsn) VALUES (@pk, @id, CAST(@body AS TEXT), @lsn) ON CONFLICT (pk, id) DO UPDATE SET body = excluded.body, lsn = excluded.lsn";
        _deleteSql = $"DELETE FROM {table} WHERE pk = @pk AND id = @id";
        _deleteIfSql = _deleteSql + " AND lsn = @expected";
        _changeFeedSql = $"SELECT pk, id, body, lsn FROM {table} WHERE lsn > @after ORDER BY lsn LIMIT @limit";
        Table = table;
    }

    public ContainerDefinition Definition { get; internal set; }

    internal string Table { get; }

    public Task<StoredDocument> CreateAsync(string partitionKey, string id, ReadOnlyMemory<byte> json, CancellationToken cancellationToken = default) =>
        WriteOneAsync(new DocumentOperation(DocumentOperationKind.Create, partitionKey, id, json), cancellationToken)!;

    public Task<StoredDocument> ReplaceAsync(string partitionKey, string id, ReadOnlyMemory<byte> json, string? ifMatch, CancellationToken cancellationToken = default) =>
        WriteOneAsync(new DocumentOperation(DocumentOperationKind.Replace, partitionKey, id, json, ifMatch), cancellationToken)!;

    public Task<StoredDocument> UpsertAsync(string partitionKey, string id, ReadOnlyMemory<byte> json, CancellationToken cancellationToken = default) =>
        WriteOneAsync(new DocumentOperation(DocumentOperationKind.Upsert, partitionKey, id, json), cancellationToken)!;

    public Task DeleteAsync(string partitionKey, string id, string? ifMatch = null, CancellationToken cancellationToken = default) =>
        WriteOneAsync(new DocumentOperation(DocumentOperationKind.Delete, partitionKey, id, default, ifMatch), cancellationToken);

    public Task<StoredDocument?> ReadAsync(string partitionKey, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(id);
        cancellationToken.ThrowIfCancellationRequested();
        var session = _store.Readers.Rent();
        try
        {
            var command = session.Command(_readSql, "@pk", "@id");
            command.Parameters[0].Value = partitionKey;
            command.Parameters[1].Value = id;
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return Task.FromResult<StoredDocument?>(null);
            }

            var body = reader.GetFieldValue<byte[]>(0);
            var lsn = reader.GetInt64(1);
            return Task.FromResult<StoredDocument?>(new StoredDocument(id, partitionKey, body, SqliteSql.ETag(lsn)));
        }
        catch (SqliteException ex)
        {
            throw SqliteDocumentStore.Unavailable(ex);
        }
        finally
        {
            _store.Readers.Return(session);
        }
    }

    public Task<QueryPage> QueryAsync(string partitionKey, DocumentQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        return Task.FromResult(Query(partitionKey, query, cancellationToken));
    }

    public Task<QueryPage> QueryCrossPartitionAsync(DocumentQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(Query(null, query, cancellationToken));

    public Task<ChangeFeedPage> ReadChangeFeedAsync(string? continuation, int maxItems, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        long after = 0;
        if (continuation is not null && (!long.TryParse(continuation, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out after) || after < 0))
        {
            throw new DocumentStoreException(DocumentStoreError.BadRequest, "The change feed continuation is not valid.");
        }

        if (maxItems < 1)
        {
            throw new DocumentStoreException(DocumentStoreError.BadRequest, "maxItems must be at least 1.");
        }

        var session = _store.Readers.Rent();
        try
        {
            var command = session.Command(_changeFeedSql, "@after", "@limit");
            command.Parameters[0].Value = after;
            command.Parameters[1].Value = maxItems;
            var documents = new List<StoredDocument>();
            var last = after;
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    last = reader.GetInt64(3);
                    documents.Add(new StoredDocument(reader.GetString(1), reader.GetString(0), reader.GetFieldValue<byte[]>(2), SqliteSql.ETag(last)));
                }
            }

            var next = documents.Count == 0 && continuation is not null ? continuation : last.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.FromResult(new ChangeFeedPage(documents, next));
        }
        catch (SqliteException ex)
        {
            throw SqliteDocumentStore.Unavailable(ex);
        }
        finally
        {
            _store.Readers.Return(session);
        }
    }

    public async Task<IReadOnlyList<BulkResult>> BulkWriteAsync(IReadOnlyList<DocumentOperation> operations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var results = new BulkResult[operations.Count];
        var valid = new bool[operations.Count];
        for (var i = 0; i < operations.Count; i++)
        {
            var error = Check(operations[i]);
            valid[i] = error is null;
            if (error is not null)
            {
                results[i] = new BulkResult(null, DocumentStoreError.BadRequest);
            }
        }

        await _store.WriteLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var session = _store.Writer;
            session.Execute("BEGIN IMMEDIATE");
            try
            {
                for (var i = 0; i < operations.Count; i++)
                {
                    if (valid[i])
                    {
                        var (document, error) = Apply(session, operations[i]);
                        results[i] = new BulkResult(document, error);
                    }
                }

                session.Execute("COMMIT");
            }
            catch
            {
                Rollback(session);
                throw;
            }
        }
        catch (SqliteException ex)
        {
            throw SqliteDocumentStore.Unavailable(ex);
        }
        finally
        {
            _store.WriteLock.Release();
        }

        return results;
    }

    public async Task<IReadOnlyList<StoredDocument?>> ExecuteBatchAsync(string partitionKey, IReadOnlyList<DocumentOperation> operations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(operations);
        for (var i = 0; i < operations.Count; i++)
        {
            var error = !string.Equals(operations[i].PartitionKey, partitionKey, StringComparison.Ordinal)
                ? "Every operation of a batch must be in the batch's partition."
                : Check(operations[i]);
            if (error is not null)
            {
                throw new DocumentStoreException(DocumentStoreError.BadRequest, $"Batch operation {i}: {error}") { OperationIndex = i };
            }
        }

        var results = new StoredDocument?[operations.Count];
        await _store.WriteLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var session = _store.Writer;
            session.Execute("BEGIN IMMEDIATE");
            try
            {
                for (var i = 0; i < operations.Count; i++)
                {
                    var (document, error) = Apply(session, operations[i]);
                    if (error is { } failed)
                    {
                        throw new DocumentStoreException(failed, $"Batch operation {i} ({operations[i].Kind} {operations[i].Id}) failed: {failed}.") { OperationIndex = i };
                    }

                    results[i] = document;
                }

                session.Execute("COMMIT");
            }
            catch
            {
                Rollback(session);
                throw;
            }
        }
        catch (SqliteException ex)
        {
            throw SqliteDocumentStore.Unavailable(ex);
        }
        finally
        {
            _store.WriteLock.Release();
        }

        return results;
    }

    private async Task<StoredDocument?> WriteOneAsync(DocumentOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation.PartitionKey, "partitionKey");
        ArgumentNullException.ThrowIfNull(operation.Id, "id");
        if (Check(operation) is { } invalid)
        {
            throw new DocumentStoreException(DocumentStoreError.BadRequest, invalid);
        }

        await _store.WriteLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        (StoredDocument? Document, DocumentStoreError? Error) outcome;
        try
        {
            outcome = Apply(_store.Writer, operation);
        }
        catch (SqliteException ex)
        {
            _savedFloor = 0;
            throw SqliteDocumentStore.Unavailable(ex);
        }
        finally
        {
            _store.WriteLock.Release();
        }

        return outcome.Error is { } error
            ? throw new DocumentStoreException(error, $"{operation.Kind} of '{operation.Id}' in partition '{operation.PartitionKey}' failed: {error}.")
            : outcome.Document;
    }

    /// <summary>Null when the operation is well-formed.</summary>
    private string? Check(DocumentOperation operation)
    {
        if (operation is null || operation.PartitionKey is null || operation.Id is null)
        {
            return "An operation needs a partition key and an id.";
        }

        return operation.Kind == DocumentOperationKind.Delete
            ? null
            : DocumentBodyValidator.Check(operation.Json.Span, _partitionKeyProperty, operation.PartitionKey, operation.Id);
    }

    /// <summary>Runs one checked operation on the writer session (writer lock held). One statement changes data, so a failure changes nothing.</summary>
    private (StoredDocument? Document, DocumentStoreError? Error) Apply(SqliteSession session, DocumentOperation operation)
    {
        var pk = operation.PartitionKey;
        var id = operation.Id;
        var expected = operation.IfMatch is null ? (long?)null : SqliteSql.ParseETag(operation.IfMatch);
        switch (operation.Kind)
        {
            case DocumentOperationKind.Create:
                {
                    var lsn = _lsn + 1;
                    var command = session.Command(_createSql, "@pk", "@id", "@body", "@lsn");
                    SetWrite(command, pk, id, operation.Json, lsn);
                    if (command.ExecuteNonQuery() == 0)
                    {
                        return (null, DocumentStoreError.Conflict);
                    }

                    _lsn = lsn;
                    return (new StoredDocument(id, pk, operation.Json, SqliteSql.ETag(lsn)), null);
                }

            case DocumentOperationKind.Upsert:
                {
                    var lsn = _lsn + 1;
                    var command = session.Command(_upsertSql, "@pk", "@id", "@body", "@lsn");
                    SetWrite(command, pk, id, operation.Json, lsn);
                    command.ExecuteNonQuery();
                    _lsn = lsn;
                    return (new StoredDocument(id, pk, operation.Json, SqliteSql.ETag(lsn)), null);
                }

            case DocumentOperationKind.Replace:
                {
                    var lsn = _lsn + 1;
                    var command = expected is null
                        ? session.Command(_updateSql, "@pk", "@id", "@body", "@lsn")
                        : session.Command(_updateIfSql, "@pk", "@id", "@body", "@lsn", "@expected");
                    SetWrite(command, pk, id, operation.Json, lsn);
                    if (expected is { } e)
                    {
                        command.Parameters[4].Value = e;
                    }

                    if (command.ExecuteNonQuery() == 0)
                    {
                        return (null, expected is not null && Exists(session, pk, id) ? DocumentStoreError.PreconditionFailed : DocumentStoreError.NotFound);
                    }

                    _lsn = lsn;
                    return (new StoredDocument(id, pk, operation.Json, SqliteSql.ETag(lsn)), null);
                }

            case DocumentOperationKind.Delete:
                {
                    SaveFloor(session);
                    var command = expected is null
                        ? session.Command(_deleteSql, "@pk", "@id")
                        : session.Command(_deleteIfSql, "@pk", "@id", "@expected");
                    command.Parameters[0].Value = pk;
                    command.Parameters[1].Value = id;
                    if (expected is { } e)
                    {
                        command.Parameters[2].Value = e;
                    }

                    if (command.ExecuteNonQuery() == 0)
                    {
                        return (null, expected is not null && Exists(session, pk, id) ? DocumentStoreError.PreconditionFailed : DocumentStoreError.NotFound);
                    }

                    return (null, null);
                }

            default:
                return (null, DocumentStoreError.BadRequest);
        }
    }

    /// <summary>
    /// Before a delete, saves the highest lsn handed out, so that after a restart lsns (ETags, change-feed positions) are never
    /// reused even if the row holding the highest one was deleted. Written before the delete; a crash in between only leaves a gap.
    /// </summary>
    private void SaveFloor(SqliteSession session)
    {
        if (_savedFloor >= _lsn)
        {
            return;
        }

        var command = session.Command(SqliteDocumentStore.SaveLsnSql, "@name", "@lsn");
        command.Parameters[0].Value = Definition.Name;
        command.Parameters[1].Value = _lsn;
        command.ExecuteNonQuery();
        _savedFloor = _lsn;
    }

    private bool Exists(SqliteSession session, string pk, string id)
    {
        var command = session.Command(_existsSql, "@pk", "@id");
        command.Parameters[0].Value = pk;
        command.Parameters[1].Value = id;
        using var reader = command.ExecuteReader();
        return reader.Read();
    }

    private void Rollback(SqliteSession session)
    {
        // The lsn table write of a rolled-back transaction is gone too; lsns handed out stay handed out (gaps are harmless).
        _savedFloor = 0;
        if (SQLitePCL.raw.sqlite3_get_autocommit(session.Connection.Handle) == 0)
        {
            session.Execute("ROLLBACK");
        }
    }

    private static void SetWrite(SqliteCommand command, string pk, string id, ReadOnlyMemory<byte> json, long lsn)
    {
        command.Parameters[0].Value = pk;
        command.Parameters[1].Value = id;
        command.Parameters[2].Value = AsArray(json);
        command.Parameters[3].Value = lsn;
    }

    private static byte[] AsArray(ReadOnlyMemory<byte> json) =>
        MemoryMarshal.TryGetArray(json, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : json.ToArray();

    private QueryPage Query(string? partitionKey, DocumentQuery query, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var built = SqliteQueryBuilder.Build(Table, partitionKey, query);
        var sql = built.Sql;
        var values = built.Values;
        var session = _store.Readers.Rent();
        try
        {
            var names = new string[values.Count];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var command = session.Command(sql, names);
            for (var i = 0; i < values.Count; i++)
            {
                command.Parameters[i].Value = values[i];
            }

            var documents = new List<StoredDocument>(Math.Min(query.PageSize, 1000));
            string? continuation = null;
            object?[]? lastOrderValues = null;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (documents.Count == query.PageSize)
                {
                    var last = documents[^1];
                    continuation = SqliteQueryBuilder.ContinuationAfter(last.PartitionKey, last.Id, lastOrderValues!);
                    break;
                }

                var pk = reader.GetString(0);
                var id = reader.GetString(1);
                documents.Add(new StoredDocument(id, pk, reader.GetFieldValue<byte[]>(2), SqliteSql.ETag(reader.GetInt64(3))));
                if (documents.Count == query.PageSize)
                {
                    lastOrderValues = ReadOrderValues(reader, query.OrderBy.Count);
                }
            }

            return new QueryPage(documents, continuation);
        }
        catch (SqliteException ex)
        {
            throw SqliteDocumentStore.Unavailable(ex);
        }
        finally
        {
            _store.Readers.Return(session);
        }
    }

    private static object?[] ReadOrderValues(SqliteDataReader reader, int count)
    {
        var values = new object?[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.IsDBNull(4 + i) ? null : reader.GetValue(4 + i);
        }

        return values;
    }
}
