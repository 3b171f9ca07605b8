using System.Net;
using System.Text.Json;
using Ecf.Storage.Telemetry;
using Microsoft.Azure.Cosmos;

namespace Ecf.Storage.Cosmos;

/// <summary>One Cosmos DB container behind <see cref="IDocumentContainer"/>, with stream APIs so bodies stay the caller's bytes.</summary>
public sealed class CosmosDocumentContainer : IDocumentContainer
{
    /// <summary>Point operations a bulk write runs at once.</summary>
    private const int BulkConcurrency = 16;

    private readonly Container _container;

    public CosmosDocumentContainer(Container container, ContainerDefinition definition)
    {
        _container = container ?? throw new ArgumentNullException(nameof(container));
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
    }

    public ContainerDefinition Definition { get; }

    public async Task<StoredDocument> CreateAsync(string partitionKey, string id, ReadOnlyMemory<byte> json, CancellationToken cancellationToken = default)
    {
        DocumentBody.Validate(Definition, partitionKey, id, json);
        using var response = await Send("create", () => _container.CreateItemStreamAsync(Stream(json), new PartitionKey(partitionKey), cancellationToken: cancellationToken)).ConfigureAwait(false);
        return await Stored(response, partitionKey, id, "create").ConfigureAwait(false);
    }

    public async Task<StoredDocument?> ReadAsync(string partitionKey, string id, CancellationToken cancellationToken = default)
    {
        DocumentBody.ValidateKeys(partitionKey, id);
        using var response = await Send("read", () => _container.ReadItemStreamAsync(id, new PartitionKey(partitionKey), cancellationToken: cancellationToken)).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await Stored(response, partitionKey, id, "read").ConfigureAwait(false);
    }

    public async Task<StoredDocument> ReplaceAsync(string partitionKey, string id, ReadOnlyMemory<byte> json, string? ifMatch, CancellationToken cancellationToken = default)
    {
        DocumentBody.Validate(Definition, partitionKey, id, json);
        var options = new ItemRequestOptions { IfMatchEtag = ifMatch };
        using var response = await Send("replace", () => _container.ReplaceItemStreamAsync(Stream(json), id, new PartitionKey(partitionKey), options, cancellationToken)).ConfigureAwait(false);
        return await Stored(response, partitionKey, id, "replace").ConfigureAwait(false);
    }

    public async Task<StoredDocument> UpsertAsync(string partitionKey, string id, ReadOnlyMemory<byte> json, CancellationToken cancellationToken = default)
    {
        DocumentBody.Validate(Definition, partitionKey, id, json);
        using var response = await Send("upsert", () => _container.UpsertItemStreamAsync(Stream(json), new PartitionKey(partitionKey), cancellationToken: cancellationToken)).ConfigureAwait(false);
        return await Stored(response, partitionKey, id, "upsert").ConfigureAwait(false);
    }

    public async Task DeleteAsync(string partitionKey, string id, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        DocumentBody.ValidateKeys(partitionKey, id);
        var options = new ItemRequestOptions { IfMatchEtag = ifMatch };
        using var response = await Send("delete", () => _container.DeleteItemStreamAsync(id, new PartitionKey(partitionKey), options, cancellationToken)).ConfigureAwait(false);
        ThrowIfFailed(response.StatusCode, "delete", response.ErrorMessage);
    }

    public Task<QueryPage> QueryAsync(string partitionKey, DocumentQuery query, CancellationToken cancellationToken = default)
    {
        DocumentBody.ValidateKeys(partitionKey, "x");
        return QueryCoreAsync(partitionKey, query, cancellationToken);
    }

    public Task<QueryPage> QueryCrossPartitionAsync(DocumentQuery query, CancellationToken cancellationToken = default) =>
        QueryCoreAsync(null, query, cancellationToken);

    public async Task<IReadOnlyList<BulkResult>> BulkWriteAsync(IReadOnlyList<DocumentOperation> operations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var results = new BulkResult[operations.Count];

        // Operations on one document run in input order (a replace after a create sees it); different documents run concurrently.
        var chains = Enumerable.Range(0, operations.Count)
            .GroupBy(i => (operations[i].PartitionKey, operations[i].Id))
            .Select(group => group.ToList())
            .ToList();
        await Parallel.ForEachAsync(chains, new ParallelOptions { MaxDegreeOfParallelism = BulkConcurrency, CancellationToken = cancellationToken }, async (chain, token) =>
        {
            foreach (var index in chain)
            {
                results[index] = await ExecuteOneAsync(operations[index], token).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        return results;
    }

    public async Task<IReadOnlyList<StoredDocument?>> ExecuteBatchAsync(string partitionKey, IReadOnlyList<DocumentOperation> operations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count == 0)
        {
            return [];
        }

        var batch = _container.CreateTransactionalBatch(new PartitionKey(partitionKey));
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            try
            {
                if (operation.PartitionKey != partitionKey)
                {
                    throw new DocumentStoreException(DocumentStoreError.BadRequest, $"Batch operation {i} targets partition '{operation.PartitionKey}', not '{partitionKey}'.");
                }

                AddToBatch(batch, operation);
            }
            catch (DocumentStoreException ex)
            {
                throw new DocumentStoreException(ex.Error, $"Batch operation {i} is invalid: {ex.Message}", ex) { OperationIndex = i };
            }
        }

        using var response = await Send("batch", () => batch.ExecuteAsync(cancellationToken)).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            for (var i = 0; i < response.Count; i++)
            {
                // The failing operation has its own status; the others answer 424 Failed Dependency.
                if (response[i].StatusCode != HttpStatusCode.FailedDependency && !response[i].IsSuccessStatusCode
                    && CosmosErrorMapping.ToError(response[i].StatusCode) is { } error)
                {
                    throw new DocumentStoreException(error, $"Batch operation {i} failed with {(int)response[i].StatusCode}; nothing was written.") { OperationIndex = i };
                }
            }

            throw CosmosErrorMapping.ToException(response.StatusCode, "batch", response.ErrorMessage);
        }

        var documents = new StoredDocument?[operations.Count];
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            if (operation.Kind == DocumentOperationKind.Delete)
            {
                continue;
            }

            var result = response[i];
            var body = result.ResourceStream is null ? operation.Json.ToArray() : await ReadAllAsync(result.ResourceStream, cancellationToken).ConfigureAwait(false);
            documents[i] = new StoredDocument(operation.Id, operation.PartitionKey, body, result.ETag ?? ETagOf(body));
        }

        return documents;
    }

    public async Task<ChangeFeedPage> ReadChangeFeedAsync(string? continuation, int maxItems, CancellationToken cancellationToken = default)
    {
        if (maxItems < 1)
        {
            throw new DocumentStoreException(DocumentStoreError.BadRequest, "maxItems must be at least 1.");
        }

        var start = continuation is null ? ChangeFeedStartFrom.Beginning() : ChangeFeedStartFrom.ContinuationToken(continuation);
        var iterator = _container.GetChangeFeedStreamIterator(start, ChangeFeedMode.LatestVersion, new ChangeFeedRequestOptions { PageSizeHint = maxItems });
        using (iterator)
        {
            using var response = await Send("change feed", () => iterator.ReadNextAsync(cancellationToken)).ConfigureAwait(false);
            var next = response.ContinuationToken ?? continuation ?? "";
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return new ChangeFeedPage([], next);
            }

            ThrowIfFailed(response.StatusCode, "change feed", response.ErrorMessage);
            var documents = await ParseDocumentsAsync(response.Content, cancellationToken).ConfigureAwait(false);
            return new ChangeFeedPage(documents, next);
        }
    }

    private async Task<QueryPage> QueryCoreAsync(string? partitionKey, DocumentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = CosmosQueryTranslator.Translate(Definition, partitionKey, query);
        var definition = new QueryDefinition(sql.Text);
        foreach (var parameter in sql.Parameters)
        {
            definition = definition.WithParameterStream(parameter.Name, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(parameter.Json)));
        }

        var options = new QueryRequestOptions { MaxItemCount = sql.OrderedByServer ? query.PageSize + 1 : 1000 };
        if (partitionKey is not null)
        {
            // Optimistic direct execution sends a single-partition query straight to its partition, without asking the gateway
            // for a query plan (which the SDK otherwise does for any ORDER BY when its native query parser is unavailable, as on Linux).
            options.PartitionKey = new PartitionKey(partitionKey);
            options.EnableOptimisticDirectExecution = true;
        }

        var rows = new List<StoredDocument>();
        using (var iterator = _container.GetItemQueryStreamIterator(definition, continuationToken: null, options))
        {
            while (iterator.HasMoreResults && (!sql.OrderedByServer || rows.Count <= query.PageSize))
            {
                using var response = await Send("query", () => iterator.ReadNextAsync(cancellationToken)).ConfigureAwait(false);
                ThrowIfFailed(response.StatusCode, "query", response.ErrorMessage);
                rows.AddRange(await ParseDocumentsAsync(response.Content, cancellationToken).ConfigureAwait(false));
            }
        }

        var keys = rows.Select(row => sql.SortKeys.Select(k => KeysetContinuation.ValueAt(row.Json, k.Path)).ToList()).ToList();
        var order = Enumerable.Range(0, rows.Count).ToList();
        if (!sql.OrderedByServer)
        {
            order.Sort((a, b) => CosmosOrdering.CompareKeys(keys[a], keys[b], sql.SortKeys));
        }

        var page = order.Take(query.PageSize).Select(i => rows[i]).ToList();
        string? next = null;
        if (order.Count > query.PageSize)
        {
            var last = order[query.PageSize - 1];
            var values = keys[last].Take(query.OrderBy.Count).Select(v => v.ValueKind == JsonValueKind.Undefined ? JsonSerializer.SerializeToElement<object?>(null) : v).ToList();
            next = new KeysetContinuation(values, rows[last].PartitionKey, rows[last].Id).Encode();
        }

        return new QueryPage(page, next);
    }

    private async Task<BulkResult> ExecuteOneAsync(DocumentOperation operation, CancellationToken cancellationToken)
    {
        try
        {
            StoredDocument? document = operation.Kind switch
            {
                DocumentOperationKind.Create => await CreateAsync(operation.PartitionKey, operation.Id, operation.Json, cancellationToken).ConfigureAwait(false),
                DocumentOperationKind.Replace => await ReplaceAsync(operation.PartitionKey, operation.Id, operation.Json, operation.IfMatch, cancellationToken).ConfigureAwait(false),
                DocumentOperationKind.Upsert => await UpsertAsync(operation.PartitionKey, operation.Id, operation.Json, cancellationToken).ConfigureAwait(false),
                _ => null,
            };
            if (operation.Kind == DocumentOperationKind.Delete)
            {
                await DeleteAsync(operation.PartitionKey, operation.Id, operation.IfMatch, cancellationToken).ConfigureAwait(false);
            }

            return new BulkResult(document, null);
        }
        catch (DocumentStoreException ex)
        {
            return new BulkResult(null, ex.Error);
        }
    }

    private void AddToBatch(TransactionalBatch batch, DocumentOperation operation)
    {
        var options = new TransactionalBatchItemRequestOptions { IfMatchEtag = operation.IfMatch };
        switch (operation.Kind)
        {
            case DocumentOperationKind.Create:
                DocumentBody.Validate(Definition, operation.PartitionKey, operation.Id, operation.Json);
                batch.CreateItemStream(Stream(operation.Json), options);
                break;
            case DocumentOperationKind.Replace:
                DocumentBody.Validate(Definition, operation.PartitionKey, operation.Id, operation.Json);
                batch.ReplaceItemStream(operation.Id, Stream(operation.Json), options);
                break;
            case DocumentOperationKind.Upsert:
                DocumentBody.Validate(Definition, operation.PartitionKey, operation.Id, operation.Json);
                batch.UpsertItemStream(Stream(operation.Json), options);
                break;
            case DocumentOperationKind.Delete:
                DocumentBody.ValidateKeys(operation.PartitionKey, operation.Id);
                batch.DeleteItem(operation.Id, options);
                break;
            default:
                throw new DocumentStoreException(DocumentStoreError.BadRequest, $"Unknown operation {operation.Kind}.");
        }
    }

    /// <summary>
    /// Sends a request and reports the request units it was charged; transport failures and non-status exceptions of the SDK
    /// become <see cref="DocumentStoreError.Unavailable"/>.
    /// </summary>
    private static async Task<T> Send<T>(string operation, Func<Task<T>> request)
    {
        try
        {
            var response = await request().ConfigureAwait(false);
            StorageTelemetry.AddRequestCharge(response switch
            {
                ResponseMessage message => message.Headers.RequestCharge,
                TransactionalBatchResponse batch => batch.RequestCharge,
                _ => 0,
            });
            return response;
        }
        catch (CosmosException ex)
        {
            StorageTelemetry.AddRequestCharge(ex.RequestCharge);
            throw CosmosErrorMapping.ToException(ex.StatusCode, operation, ex.ResponseBody ?? ex.Message, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new DocumentStoreException(DocumentStoreError.Unavailable, $"Cosmos DB {operation} failed: {ex.Message}", ex);
        }
    }

    private static void ThrowIfFailed(HttpStatusCode status, string operation, string? detail)
    {
        if ((int)status is < 200 or > 299)
        {
            throw CosmosErrorMapping.ToException(status, operation, detail);
        }
    }

    private static async Task<StoredDocument> Stored(ResponseMessage response, string partitionKey, string id, string operation)
    {
        ThrowIfFailed(response.StatusCode, operation, response.ErrorMessage);
        var body = response.Content is null ? [] : await ReadAllAsync(response.Content, CancellationToken.None).ConfigureAwait(false);
        var etag = response.Headers.ETag;
        if (string.IsNullOrEmpty(etag))
        {
            etag = ETagOf(body);
        }

        return new StoredDocument(id, partitionKey, body, etag);
    }

    private async Task<List<StoredDocument>> ParseDocumentsAsync(Stream? content, CancellationToken cancellationToken)
    {
        var documents = new List<StoredDocument>();
        if (content is null)
        {
            return documents;
        }

        using var json = await JsonDocument.ParseAsync(content, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!json.RootElement.TryGetProperty("Documents", out var items))
        {
            return documents;
        }

        var pkPath = CosmosQueryTranslator.PartitionKeyPath(Definition);
        foreach (var item in items.EnumerateArray())
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(item);
            var id = item.TryGetProperty("id", out var idValue) ? idValue.GetString() ?? "" : "";
            var pk = KeysetContinuation.ValueAt(body, pkPath);
            documents.Add(new StoredDocument(id, pk.ValueKind == JsonValueKind.String ? pk.GetString()! : pk.GetRawText(), body, ETagOf(body)));
        }

        return documents;
    }

    private static string ETagOf(ReadOnlyMemory<byte> body)
    {
        var etag = KeysetContinuation.ValueAt(body, "_etag");
        return etag.ValueKind == JsonValueKind.String ? etag.GetString()! : "";
    }

    private static MemoryStream Stream(ReadOnlyMemory<byte> json) => new(json.ToArray(), writable: false);

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (stream is MemoryStream { } memory && memory.TryGetBuffer(out var segment))
        {
            return segment.AsSpan((int)memory.Position).ToArray();
        }

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
