using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Ecf.Storage.Sqlite;

/// <summary>
/// A container of <see cref="SqliteDocumentStore"/>: one table <c>(pk, id, body TEXT, lsn)</c>. Each write statement computes
/// the container's next lsn itself (the highest lsn in the table or saved for deleted rows, plus one) under SQLite's write
/// lock, so lsns stay unique and in commit order even with several processes writing one file. The lsn is both the ETag and
/// the change-feed position. Each write is one statement, so a failed operation inside a bulk transaction changes nothing.
/// </summary>
internal sealed class SqliteDocumentContainer : IDocumentContainer
{
    private readonly SqliteDocumentStore _store;
    private readonly byte[] _partitionKeyProperty;
    private readonly string _readSql;
    private readonly string _readManySql;
    private readonly string _existsSql;
    private readonly string _createSql;
    private readonly string _updateSql;
    private readonly string _updateIfSql;
    private readonly string _upsertSql;
    private readonly string _deleteSql;
    private readonly string _deleteIfSql;
    private readonly string _changeFeedSql;
    private readonly string _saveFloorSql;

    public SqliteDocumentContainer(SqliteDocumentStore store, ContainerDefinition definition)
    {
        _store = store;
        Definition = definition;
        _partitionKeyProperty = Encoding.UTF8.GetBytes(definition.PartitionKeyProperty);
        var table = SqliteSql.TableName(definition.Name);
        var name = "'" + definition.Name.Replace("'", "''", StringComparison.Ordinal) + "'";

        // The next lsn, read inside the writing statement (so under the database write lock, whichever process writes).
        var next = $"(max(coalesce((SELECT max(lsn) FROM {table}), 0), coalesce((SELECT lsn FROM ecf_lsn WHERE container = {name}), 0)) + 1)";
        _readSql = $"SELECT body, lsn FROM {table} WHERE pk = @pk AND id = @id";
        // Many point reads in one statement: the keys come as a JSON array of [pk, id] pairs, and CROSS JOIN keeps them the
        // outer loop, so each key is one lookup in the (pk, id) index.
        _readManySql = $"SELECT k.key, t.body, t.lsn FROM json_each(@keys) AS k CROSS JOIN {table} AS t " +
            "ON t.pk = json_extract(k.value, '$[0]') AND t.id = json_extract(k.value, '$[1]')";
        _existsSql = $"SELECT 1 FROM {table} WHERE pk = @pk AND id = @id";
        _createSql = $"INSERT INTO {table} (pk, id, body, lsn) VALUES (@pk, @id, CAST(@body AS TEXT), {next}) ON CONFLICT DO NOTHING RETURNING lsn";
        _updateSql = $"UPDATE {table} SET body = CAST(@body AS TEXT), lsn = {next} WHERE pk = @pk AND id = @id";
        _updateIfSql = _updateSql + " AND lsn = @expected RETURNING lsn";
        _updateSql += " RETURNING lsn";
        _upsertSql = $"INSERT INTO {table} (pk, id, body, lsn) VALUES (@pk, @id, CAST(@body AS TEXT), {next}) ON CONFLICT (pk, id) DO UPDATE SET body = excluded.body, lsn = excluded.lsn RETURNING lsn";
        _deleteSql = $"DELETE FROM {table} WHERE pk = @pk AND id = @id";
        _deleteIfSql = _deleteSql + " AND lsn = @expected";

        // Deleting the row that holds the highest lsn first records that lsn, so lsns (ETags, change-feed positions) are never reused.
        _saveFloorSql = $"INSERT INTO ecf_lsn (container, lsn) SELECT {name}, lsn FROM {table} WHERE pk = @pk AND id = @id AND lsn = (SELECT max(lsn) FROM {table}) " +
            "ON CONFLICT (container) DO UPDATE SET lsn = max(lsn, excluded.lsn)";
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

    public Task<IReadOnlyList<StoredDocument?>> ReadManyAsync(IReadOnlyList<DocumentKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var results = new StoredDocument?[keys.Count];
        if (keys.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<StoredDocument?>>(results);
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(keys.Count * 96);
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var key in keys)
            {
                ArgumentNullException.ThrowIfNull(key.PartitionKey, "partitionKey");
                ArgumentNullException.ThrowIfNull(key.Id, "id");
                writer.WriteStartArray();
                writer.WriteStringValue(key.PartitionKey);
                writer.WriteStringValue(key.Id);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        var session = _store.Readers.Rent();
        try
        {
            var command = session.Command(_readManySql, "@keys");
            command.Parameters[0].Value = Encoding.UTF8.GetString(buffer.WrittenSpan);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var index = (int)reader.GetInt64(0);
                var key = keys[index];
                results[index] = new StoredDocument(key.Id, key.PartitionKey, reader.GetFieldValue<byte[]>(1), SqliteSql.ETag(reader.GetInt64(2)));
            }

            return Task.FromResult<IReadOnlyList<StoredDocument?>>(results);
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

        await InTransactionAsync(
            session =>
            {
                for (var i = 0; i < operations.Count; i++)
                {
                    if (valid[i])
                    {
                        var (document, error) = Apply(session, operations[i]);
                        results[i] = new BulkResult(document, error);
                    }
                }
            },
            cancellationToken).ConfigureAwait(false);

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
        await InTransactionAsync(
            session =>
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
            },
            cancellationToken).ConfigureAwait(false);

        return results;
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction under the writer lock; any exception rolls it back.</summary>
    private async Task InTransactionAsync(Action<SqliteSession> work, CancellationToken cancellationToken)
    {
        await _store.WriteLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var session = _store.Writer;
            session.Execute("BEGIN IMMEDIATE");
            try
            {
                work(session);
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
            : DocumentBody.Check(operation.Json.Span, _partitionKeyProperty, operation.PartitionKey, operation.Id);
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
                    var command = session.Command(_createSql, "@pk", "@id", "@body");
                    SetWrite(command, pk, id, operation.Json);
                    return command.ExecuteScalar() is long lsn
                        ? (new StoredDocument(id, pk, operation.Json, SqliteSql.ETag(lsn)), null)
                        : (null, DocumentStoreError.Conflict);
                }

            case DocumentOperationKind.Upsert:
                {
                    var command = session.Command(_upsertSql, "@pk", "@id", "@body");
                    SetWrite(command, pk, id, operation.Json);
                    var lsn = (long)command.ExecuteScalar()!;
                    return (new StoredDocument(id, pk, operation.Json, SqliteSql.ETag(lsn)), null);
                }

            case DocumentOperationKind.Replace:
                {
                    var command = expected is null
                        ? session.Command(_updateSql, "@pk", "@id", "@body")
                        : session.Command(_updateIfSql, "@pk", "@id", "@body", "@expected");
                    SetWrite(command, pk, id, operation.Json);
                    if (expected is { } e)
                    {
                        command.Parameters[3].Value = e;
                    }

                    return command.ExecuteScalar() is long lsn
                        ? (new StoredDocument(id, pk, operation.Json, SqliteSql.ETag(lsn)), null)
                        : (null, expected is not null && Exists(session, pk, id) ? DocumentStoreError.PreconditionFailed : DocumentStoreError.NotFound);
                }

            case DocumentOperationKind.Delete:
                {
                    var floor = session.Command(_saveFloorSql, "@pk", "@id");
                    floor.Parameters[0].Value = pk;
                    floor.Parameters[1].Value = id;
                    floor.ExecuteNonQuery();
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

    private bool Exists(SqliteSession session, string pk, string id)
    {
        var command = session.Command(_existsSql, "@pk", "@id");
        command.Parameters[0].Value = pk;
        command.Parameters[1].Value = id;
        using var reader = command.ExecuteReader();
        return reader.Read();
    }

    private static void Rollback(SqliteSession session)
    {
        if (SQLitePCL.raw.sqlite3_get_autocommit(session.Connection.Handle) == 0)
        {
            session.Execute("ROLLBACK");
        }
    }

    private static void SetWrite(SqliteCommand command, string pk, string id, ReadOnlyMemory<byte> json)
    {
        command.Parameters[0].Value = pk;
        command.Parameters[1].Value = id;
        command.Parameters[2].Value = AsArray(json);
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
