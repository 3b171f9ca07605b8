using Ecf.Storage;

namespace Ecf.Durable.Engine;

/// <summary>Typed access to the workflows container: instance, history chunks, queues, work items and leases.</summary>
internal sealed class DurableStore
{
    private readonly IDocumentStore _store;
    private IDocumentContainer? _container;

    public DurableStore(IDocumentStore store, DurableTaskOptions options, TimeProvider time)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public DurableTaskOptions Options { get; }

    public TimeProvider Time { get; }

    public IDocumentContainer Container => _container ??= _store.GetContainer(Options.ContainerName);

    public long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    private Task? _ready;
    private readonly Lock _readyLock = new();

    /// <summary>Ensures the container once per process (idempotent, shared by host and client).</summary>
    public Task ReadyAsync(CancellationToken cancellationToken)
    {
        lock (_readyLock)
        {
            if (_ready is null || _ready.IsFaulted || _ready.IsCanceled)
            {
                _ready = EnsureAsync(cancellationToken);
            }

            return _ready;
        }
    }

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (Options.EnsureContainer)
        {
            await _store.EnsureContainersAsync([Options.ContainerDefinition], cancellationToken).ConfigureAwait(false);
        }

        _container = _store.GetContainer(Options.ContainerName);
    }

    public string ShardOf(string instanceId) => InstanceIds.Shard(instanceId, Options.ShardCount);

    public static byte[] Json<T>(T value) => DocumentJson.Serialize(value);

    public async Task<(InstanceDocument Document, string ETag)?> ReadInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        var stored = await Container.ReadAsync(instanceId, InstanceIds.InstanceDocId, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : (stored.As<InstanceDocument>(), stored.ETag);
    }

    public async Task<List<HistoryChunkDocument>> ReadChunksAsync(string instanceId, string executionId, int fromChunk, CancellationToken cancellationToken)
    {
        var chunks = new List<HistoryChunkDocument>();
        var query = DocumentQuery.All(200)
            .WhereEquals("type", DocTypes.History)
            .WhereEquals("executionId", executionId)
            .Where("chunk", FilterOperator.GreaterThanOrEqual, fromChunk)
            .OrderByAscending("chunk");
        string? continuation = null;
        do
        {
            var page = await Container.QueryAsync(instanceId, query.WithContinuation(continuation), cancellationToken).ConfigureAwait(false);
            chunks.AddRange(page.Documents.Select(d => d.As<HistoryChunkDocument>()));
            continuation = page.Continuation;
        }
        while (continuation is not null);
        return chunks;
    }

    public async Task<List<(MessageDocument Message, string ETag)>> QueryVisibleMessagesAsync(string shard, long nowMs, int max, CancellationToken cancellationToken)
    {
        var query = DocumentQuery.All(max)
            .WhereEquals("type", DocTypes.Message)
            .Where("visibleAt", FilterOperator.LessThanOrEqual, nowMs)
            .OrderByAscending("visibleAt");
        var page = await Container.QueryAsync(shard, query, cancellationToken).ConfigureAwait(false);
        return [.. page.Documents.Select(d => (d.As<MessageDocument>(), d.ETag))];
    }

    public async Task<List<(WorkItemDocument Item, string ETag)>> QueryClaimableWorkItemsAsync(string shard, long nowMs, int max, CancellationToken cancellationToken)
    {
        var query = DocumentQuery.All(max)
            .WhereEquals("type", DocTypes.Activity)
            .Where("leaseUntil", FilterOperator.LessThanOrEqual, nowMs);
        var page = await Container.QueryAsync(shard, query, cancellationToken).ConfigureAwait(false);
        return [.. page.Documents.Select(d => (d.As<WorkItemDocument>(), d.ETag))];
    }

    /// <summary>Independent writes; fails only for errors other than those <paramref name="tolerated"/> (e.g. Conflict: already sent).</summary>
    public async Task<IReadOnlyList<BulkResult>> BulkAsync(IReadOnlyList<DocumentOperation> operations, CancellationToken cancellationToken, params DocumentStoreError[] tolerated)
    {
        if (operations.Count == 0)
        {
            return [];
        }

        var results = await Container.BulkWriteAsync(operations, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].Error is { } error && !tolerated.Contains(error))
            {
                throw new DocumentStoreException(error, $"{operations[i].Kind} of '{operations[i].Id}' in '{operations[i].PartitionKey}' failed: {error}.");
            }
        }

        return results;
    }
}
