using System.Diagnostics;

namespace Ecf.Storage.Telemetry;

/// <summary>
/// The document store with telemetry (<see cref="StorageTelemetry"/>): every container operation of any adapter gets one span
/// and one duration measurement, here and nowhere else. Registered by <c>AddEcfStorage</c> around the configured adapter.
/// </summary>
public sealed class InstrumentedDocumentStore(IDocumentStore inner) : IDocumentStore
{
    public string Kind => inner.Kind;

    public Task EnsureContainersAsync(IEnumerable<ContainerDefinition> containers, CancellationToken cancellationToken = default) =>
        inner.EnsureContainersAsync(containers, cancellationToken);

    public IDocumentContainer GetContainer(string name) => new InstrumentedDocumentContainer(inner.GetContainer(name), inner.Kind);

    public Task<bool> PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}

internal sealed class InstrumentedDocumentContainer(IDocumentContainer inner, string system) : IDocumentContainer
{
    public ContainerDefinition Definition => inner.Definition;

    public Task<StoredDocument> CreateAsync(string partitionKey, string id, ReadOnlyMemory<byte> json, CancellationToken cancellationToken = default) =>
        RunAsync("create", partitionKey, () => inner.CreateAsync(partitionKey, id, json, cancellationToken), _ => 1);

    public Task<StoredDocument?> ReadAsync(string partitionKey, string id, CancellationToken cancellationToken = default) =>
        RunAsync("read", partitionKey, () => inner.ReadAsync(partitionKey, id, cancellationToken), document => document is null ? 0 : 1);

    public Task<IReadOnlyList<StoredDocument?>> ReadManyAsync(IReadOnlyList<DocumentKey> keys, CancellationToken cancellationToken = default) =>
        RunAsync("read_many", null, () => inner.ReadManyAsync(keys, cancellationToken), documents => documents.Count(d => d is not null));

    public Task<StoredDocument> ReplaceAsync(string partitionKey, string id, ReadOnlyMemory<byte> json, string? ifMatch, CancellationToken cancellationToken = default) =>
        RunAsync("replace", partitionKey, () => inner.ReplaceAsync(partitionKey, id, json, ifMatch, cancellationToken), _ => 1);

    public Task<StoredDocument> UpsertAsync(string partitionKey, string id, ReadOnlyMemory<byte> json, CancellationToken cancellationToken = default) =>
        RunAsync("upsert", partitionKey, () => inner.UpsertAsync(partitionKey, id, json, cancellationToken), _ => 1);

    public Task DeleteAsync(string partitionKey, string id, string? ifMatch = null, CancellationToken cancellationToken = default) =>
        RunAsync("delete", partitionKey, async () =>
        {
            await inner.DeleteAsync(partitionKey, id, ifMatch, cancellationToken).ConfigureAwait(false);
            return 1;
        }, count => count);

    public Task<QueryPage> QueryAsync(string partitionKey, DocumentQuery query, CancellationToken cancellationToken = default) =>
        RunAsync("query", partitionKey, () => inner.QueryAsync(partitionKey, query, cancellationToken), page => page.Documents.Count);

    public Task<QueryPage> QueryCrossPartitionAsync(DocumentQuery query, CancellationToken cancellationToken = default) =>
        RunAsync("query_cross_partition", null, () => inner.QueryCrossPartitionAsync(query, cancellationToken), page => page.Documents.Count);

    public Task<IReadOnlyList<BulkResult>> BulkWriteAsync(IReadOnlyList<DocumentOperation> operations, CancellationToken cancellationToken = default) =>
        RunAsync("bulk_write", null, () => inner.BulkWriteAsync(operations, cancellationToken), results => results.Count(r => r.Succeeded));

    public Task<IReadOnlyList<StoredDocument?>> ExecuteBatchAsync(string partitionKey, IReadOnlyList<DocumentOperation> operations, CancellationToken cancellationToken = default) =>
        RunAsync("batch", partitionKey, () => inner.ExecuteBatchAsync(partitionKey, operations, cancellationToken), results => results.Count);

    public Task<ChangeFeedPage> ReadChangeFeedAsync(string? continuation, int maxItems, CancellationToken cancellationToken = default) =>
        RunAsync("change_feed", null, () => inner.ReadChangeFeedAsync(continuation, maxItems, cancellationToken), page => page.Documents.Count);

    /// <summary>
    /// One span (<c>{operation} {container}</c>) and one duration measurement; the item count (documents read, written or
    /// returned) and the request units the adapter reported go on the span, the units also on their histogram.
    /// </summary>
    private async Task<T> RunAsync<T>(string operation, string? partitionKey, Func<Task<T>> call, Func<T, int> itemCount)
    {
        var container = inner.Definition.Name;
        using var activity = StorageTelemetry.Source.StartActivity($"{operation} {container}", ActivityKind.Client);
        activity?.SetTag(StorageTelemetry.SystemTag, system);
        activity?.SetTag(StorageTelemetry.ContainerTag, container);
        activity?.SetTag(StorageTelemetry.OperationTag, operation);
        activity?.SetTag(StorageTelemetry.PartitionKeyTag, partitionKey is not null);

        var charge = StorageTelemetry.BeginCharge();
        var started = Stopwatch.GetTimestamp();
        string? error = null;
        try
        {
            var result = await call().ConfigureAwait(false);
            activity?.SetTag(StorageTelemetry.ItemCountTag, itemCount(result));
            return result;
        }
        catch (Exception ex)
        {
            error = ex is DocumentStoreException { Error: { } storeError } ? storeError.ToString() : ex.GetType().Name;
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
        finally
        {
            var tags = new TagList
            {
                { StorageTelemetry.SystemTag, system },
                { StorageTelemetry.ContainerTag, container },
                { StorageTelemetry.OperationTag, operation },
            };
            if (error is not null)
            {
                tags.Add(StorageTelemetry.ErrorTypeTag, error);
                activity?.SetTag(StorageTelemetry.ErrorTypeTag, error);
            }

            StorageTelemetry.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            if (charge.Total is { } requestUnits)
            {
                activity?.SetTag(StorageTelemetry.RequestUnitsTag, requestUnits);
                StorageTelemetry.RequestUnits.Record(requestUnits, tags);
            }
        }
    }
}
