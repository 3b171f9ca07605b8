namespace Ecf.Storage;

/// <summary>
/// The document store port: containers of JSON documents, each partitioned by a key path, with
/// optimistic concurrency, single-partition queries, bulk writes, atomic single-partition batches and a change feed.
/// Adapters: <c>Sqlite.SqliteDocumentStore</c> (embedded, local default) and <c>Cosmos.CosmosDocumentStore</c> (production).
/// </summary>
public interface IDocumentStore : IAsyncDisposable
{
    /// <summary>"sqlite" or "cosmos".</summary>
    string Kind { get; }

    /// <summary>Creates the containers that do not exist yet (idempotent).</summary>
    Task EnsureContainersAsync(IEnumerable<ContainerDefinition> containers, CancellationToken cancellationToken = default);

    /// <summary>A container made known by <see cref="EnsureContainersAsync"/>.</summary>
    IDocumentContainer GetContainer(string name);

    /// <summary>True when the store answers a trivial request.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken = default);
}

/// <summary>A container, its partition key path (e.g. <c>/personId</c>) and the JSON paths queries filter or order on.</summary>
/// <param name="Name">Container name, e.g. <c>people</c>.</param>
/// <param name="PartitionKeyPath">Path of the partition key property inside each document, e.g. <c>/personId</c>.</param>
/// <param name="IndexedPaths">Top-level or dotted property paths queried often (the embedded store indexes them per partition).</param>
/// <param name="CrossPartitionIndexedPaths">
/// Paths that maintenance jobs filter and order on across partitions (<see cref="IDocumentContainer.QueryCrossPartitionAsync"/>):
/// the embedded store indexes them as <c>(path, pk, id)</c> over the documents that have the property, Cosmos DB gets the
/// composite indexes of an indexed path.
/// </param>
public sealed record ContainerDefinition(string Name, string PartitionKeyPath, IReadOnlyList<string>? IndexedPaths = null, IReadOnlyList<string>? CrossPartitionIndexedPaths = null)
{
    /// <summary>The partition key property name without the leading slash.</summary>
    public string PartitionKeyProperty => PartitionKeyPath.TrimStart('/');
}

/// <summary>
/// Operations on one container. Document bodies are UTF-8 JSON objects that carry their own <c>id</c> and
/// partition key property, equal to the <c>id</c> and <c>partitionKey</c> arguments (Cosmos DB's rule).
/// Expected failures throw <see cref="DocumentStoreException"/> with a <see cref="DocumentStoreError"/>.
/// </summary>
public interface IDocumentContainer
{
    ContainerDefinition Definition { get; }

    /// <summary>Creates a document; <see cref="DocumentStoreError.Conflict"/> if the id exists in the partition.</summary>
    Task<StoredDocument> CreateAsync(string partitionKey, string id, ReadOnlyMemory<byte> json, CancellationToken cancellationToken = default);

    /// <summary>Point read; null when absent.</summary>
    Task<StoredDocument?> ReadAsync(string partitionKey, string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Point reads of many documents, any partitions: one result per key, in the order given, null where absent. The embedded
    /// store answers with one statement; the default reads one at a time.
    /// </summary>
    async Task<IReadOnlyList<StoredDocument?>> ReadManyAsync(IReadOnlyList<DocumentKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var results = new StoredDocument?[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            results[i] = await ReadAsync(keys[i].PartitionKey, keys[i].Id, cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    /// <summary>
    /// Replaces an existing document. <see cref="DocumentStoreError.NotFound"/> if absent;
    /// <see cref="DocumentStoreError.PreconditionFailed"/> if <paramref name="ifMatch"/> is given and stale.
    /// </summary>
    Task<StoredDocument> ReplaceAsync(string partitionKey, string id, ReadOnlyMemory<byte> json, string? ifMatch, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces a document.</summary>
    Task<StoredDocument> UpsertAsync(string partitionKey, string id, ReadOnlyMemory<byte> json, CancellationToken cancellationToken = default);

    /// <summary>Deletes a document. <see cref="DocumentStoreError.NotFound"/> if absent; precondition failure on a stale <paramref name="ifMatch"/>.</summary>
    Task DeleteAsync(string partitionKey, string id, string? ifMatch = null, CancellationToken cancellationToken = default);

    /// <summary>A page of a query inside one partition.</summary>
    Task<QueryPage> QueryAsync(string partitionKey, DocumentQuery query, CancellationToken cancellationToken = default);

    /// <summary>A page of a query across all partitions (admin and maintenance paths only; request paths stay single-partition).</summary>
    Task<QueryPage> QueryCrossPartitionAsync(DocumentQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Many independent writes, any partitions, not atomic as a whole. Each operation gets its own result, in order.
    /// </summary>
    Task<IReadOnlyList<BulkResult>> BulkWriteAsync(IReadOnlyList<DocumentOperation> operations, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes in one partition, all or nothing. If any operation fails, nothing is written and
    /// <see cref="DocumentStoreException"/> names the failing operation's index and error.
    /// </summary>
    Task<IReadOnlyList<StoredDocument?>> ExecuteBatchAsync(string partitionKey, IReadOnlyList<DocumentOperation> operations, CancellationToken cancellationToken = default);

    /// <summary>
    /// The next changes of the container after <paramref name="continuation"/> (null: from the beginning), latest version of each
    /// changed document, in commit order. Deletes do not appear. Save <see cref="ChangeFeedPage.Continuation"/> to resume.
    /// </summary>
    Task<ChangeFeedPage> ReadChangeFeedAsync(string? continuation, int maxItems, CancellationToken cancellationToken = default);
}

/// <summary>A document's address: partition key and id.</summary>
public readonly record struct DocumentKey(string PartitionKey, string Id);

/// <summary>A document as stored: its body (UTF-8 JSON, including <c>id</c>, the partition key and, for Cosmos, system properties) and its ETag.</summary>
public sealed record StoredDocument(string Id, string PartitionKey, ReadOnlyMemory<byte> Json, string ETag);

public enum DocumentOperationKind
{
    Create,
    Replace,
    Upsert,
    Delete,
}

/// <summary>One write of a bulk or batch request. <see cref="Json"/> is empty for deletes.</summary>
public sealed record DocumentOperation(DocumentOperationKind Kind, string PartitionKey, string Id, ReadOnlyMemory<byte> Json = default, string? IfMatch = null)
{
    public static DocumentOperation Create(string partitionKey, string id, ReadOnlyMemory<byte> json) => new(DocumentOperationKind.Create, partitionKey, id, json);

    public static DocumentOperation Replace(string partitionKey, string id, ReadOnlyMemory<byte> json, string? ifMatch) => new(DocumentOperationKind.Replace, partitionKey, id, json, ifMatch);

    public static DocumentOperation Upsert(string partitionKey, string id, ReadOnlyMemory<byte> json) => new(DocumentOperationKind.Upsert, partitionKey, id, json);

    public static DocumentOperation Delete(string partitionKey, string id, string? ifMatch = null) => new(DocumentOperationKind.Delete, partitionKey, id, default, ifMatch);
}

/// <summary>The outcome of one bulk operation: the stored document, or the error (null document for a successful delete).</summary>
public sealed record BulkResult(StoredDocument? Document, DocumentStoreError? Error)
{
    public bool Succeeded => Error is null;
}

public sealed record QueryPage(IReadOnlyList<StoredDocument> Documents, string? Continuation);

public sealed record ChangeFeedPage(IReadOnlyList<StoredDocument> Documents, string Continuation);
