using Ecf.Durable.Engine;
using Ecf.Storage;

namespace Ecf.Durable;

/// <summary>The <see cref="DurableTaskClient"/> over the document store (any host process sharing the store runs the work).</summary>
public sealed class StoreDurableTaskClient : DurableTaskClient
{
    private static readonly OrchestrationRuntimeStatus[] Active = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running];
    private readonly DurableStore _store;
    private readonly DurableTaskRegistry? _registry;
    private readonly DurableSignals _signals;

    public StoreDurableTaskClient(IDocumentStore store, DurableTaskOptions options, DurableTaskRegistry? registry = null, TimeProvider? timeProvider = null)
        : this(new DurableStore(store, options, timeProvider ?? TimeProvider.System), registry, new DurableSignals())
    {
    }

    internal StoreDurableTaskClient(DurableStore store, DurableTaskRegistry? registry, DurableSignals signals)
        : base("ecf-durable")
    {
        _store = store;
        _registry = registry;
        _signals = signals;
    }

    private IDocumentContainer Container => _store.Container;

    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        if (string.IsNullOrWhiteSpace(orchestratorName.Name))
        {
            throw new ArgumentException("An orchestrator name is required.", nameof(orchestratorName));
        }

        if (_registry is not null && !_registry.HasOrchestrator(orchestratorName.Name))
        {
            throw new ArgumentException($"No orchestrator named '{orchestratorName.Name}' is registered.", nameof(orchestratorName));
        }

        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        InstanceIds.Validate(instanceId);
        await _store.ReadyAsync(cancellation).ConfigureAwait(false);
        var now = _store.Time.GetUtcNow();
        var executionId = Guid.NewGuid().ToString("N");
        var shard = _store.ShardOf(instanceId);
        var instance = new InstanceDocument
        {
            InstanceId = instanceId,
            Name = orchestratorName.Name,
            ExecutionId = executionId,
            Input = DurableJson.Serialize(input),
            RuntimeStatus = OrchestrationRuntimeStatus.Pending,
            CreatedTime = now,
            LastUpdatedTime = now,
        };

        var existing = await _store.ReadInstanceAsync(instanceId, cancellation).ConfigureAwait(false);
        if (existing is { } found)
        {
            if (!string.Equals(found.Document.Name, orchestratorName.Name, StringComparison.OrdinalIgnoreCase))
            {
                throw new OrchestrationAlreadyExistsException(
                    $"The instance id '{instanceId}' belongs to an instance of the orchestration '{found.Document.Name}' ({found.Document.RuntimeStatus.ToString().ToLowerInvariant()}); an instance of another orchestration never replaces it.")
                {
                    InstanceId = instanceId,
                    ExistingOrchestration = found.Document.Name,
                };
            }

            if (Active.Contains(found.Document.RuntimeStatus) && !await IsOrphanedPendingAsync(found.Document, cancellation).ConfigureAwait(false))
            {
                throw new OrchestrationAlreadyExistsException($"An orchestration with instance id '{instanceId}' is already {found.Document.RuntimeStatus.ToString().ToLowerInvariant()}.") { InstanceId = instanceId };
            }

            // A finished (or orphaned) instance with this id is replaced: its old history goes first.
            await DeletePartitionAsync(instanceId, keepInstanceDocument: true, cancellation).ConfigureAwait(false);
            try
            {
                await Container.ReplaceAsync(instanceId, InstanceIds.InstanceDocId, DurableStore.Json(instance), found.ETag, cancellation).ConfigureAwait(false);
            }
            catch (DocumentStoreException ex) when (ex.Error is DocumentStoreError.PreconditionFailed or DocumentStoreError.NotFound)
            {
                throw new OrchestrationAlreadyExistsException($"An orchestration with instance id '{instanceId}' was started concurrently.", ex) { InstanceId = instanceId };
            }
        }
        else
        {
            try
            {
                await Container.CreateAsync(instanceId, InstanceIds.InstanceDocId, DurableStore.Json(instance), cancellation).ConfigureAwait(false);
            }
            catch (DocumentStoreException ex) when (ex.Error == DocumentStoreError.Conflict)
            {
                throw new OrchestrationAlreadyExistsException($"An orchestration with instance id '{instanceId}' was started concurrently.", ex) { InstanceId = instanceId };
            }
        }

        await UpsertIndexAsync(instance, cancellation).ConfigureAwait(false);
        var start = new MessageDocument
        {
            Id = InstanceIds.StartMessage(instanceId, executionId),
            InstanceId = shard,
            Target = instanceId,
            ExecutionId = executionId,
            Kind = MessageKind.Start,
            Name = orchestratorName.Name,
            Data = instance.Input,
            VisibleAt = (options?.StartAt ?? now).ToUnixTimeMilliseconds(),
            CreatedTime = now,
        };
        await Container.CreateAsync(shard, start.Id, DurableStore.Json(start), cancellation).ConfigureAwait(false);
        if (start.VisibleAt <= now.ToUnixTimeMilliseconds())
        {
            _signals.Post(shard, start);
        }
        return instanceId;
    }

    public override async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        await RequireInstanceAsync(instanceId, cancellation).ConfigureAwait(false);
        var now = _store.Time.GetUtcNow();
        var message = new MessageDocument
        {
            Id = InstanceIds.EventMessage(instanceId, now, Guid.NewGuid().ToString("N")),
            InstanceId = _store.ShardOf(instanceId),
            Target = instanceId,
            Kind = MessageKind.EventRaised,
            Name = eventName,
            Data = DurableJson.Serialize(eventPayload),
            VisibleAt = now.ToUnixTimeMilliseconds(),
        };
        await Container.CreateAsync(message.InstanceId, message.Id, DurableStore.Json(message), cancellation).ConfigureAwait(false);
        _signals.Post(message.InstanceId, message);
    }

    public override async Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellation = default)
    {
        var instance = await RequireInstanceAsync(instanceId, cancellation).ConfigureAwait(false);
        if (instance.IsTerminal)
        {
            return;
        }

        var now = _store.Time.GetUtcNow();
        var message = new MessageDocument
        {
            Id = InstanceIds.TerminateMessage(instanceId, now, Guid.NewGuid().ToString("N")),
            InstanceId = _store.ShardOf(instanceId),
            Target = instanceId,
            Kind = MessageKind.Terminate,
            Data = DurableJson.Serialize(output),
            VisibleAt = now.ToUnixTimeMilliseconds(),
        };
        await Container.CreateAsync(message.InstanceId, message.Id, DurableStore.Json(message), cancellation).ConfigureAwait(false);
        _signals.Post(message.InstanceId, message);
    }

    public override async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        if (instanceId[0] == '~')
        {
            return null;
        }

        await _store.ReadyAsync(cancellation).ConfigureAwait(false);
        var read = await _store.ReadInstanceAsync(instanceId, cancellation).ConfigureAwait(false);
        return read is { } found ? ToMetadata(found.Document, getInputsAndOutputs) : null;
    }

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitAsync(instanceId, getInputsAndOutputs, m => m.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitAsync(instanceId, getInputsAndOutputs, m => m.IsCompleted, cancellation);

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        var query = filter ?? new OrchestrationQuery();
        return Pageable.Create<OrchestrationMetadata>(async (continuation, pageSize, cancellation) =>
        {
            await _store.ReadyAsync(cancellation).ConfigureAwait(false);
            var statuses = query.Statuses?.ToList();
            var documentQuery = DocumentQuery.All(pageSize ?? query.PageSize).WhereEquals("type", DocTypes.Index).OrderByAscending("createdTime")
                .WithContinuation(continuation ?? query.ContinuationToken);
            if (statuses is { Count: > 0 })
            {
                documentQuery = documentQuery.Where("runtimeStatus", FilterOperator.In, statuses.Select(s => DocumentJson.Serialize(s)).Select(b => System.Text.Encoding.UTF8.GetString(b).Trim('"')).ToList());
            }

            if (!string.IsNullOrEmpty(query.InstanceIdPrefix))
            {
                documentQuery = documentQuery
                    .Where("target", FilterOperator.GreaterThanOrEqual, query.InstanceIdPrefix)
                    .Where("target", FilterOperator.LessThan, query.InstanceIdPrefix + '\uffff');
            }

            if (query.CreatedFrom is { } from)
            {
                documentQuery = documentQuery.Where("createdTime", FilterOperator.GreaterThanOrEqual, from.ToUnixTimeMilliseconds());
            }

            if (query.CreatedTo is { } to)
            {
                documentQuery = documentQuery.Where("createdTime", FilterOperator.LessThanOrEqual, to.ToUnixTimeMilliseconds());
            }

            var page = await Container.QueryAsync(InstanceIds.IndexPartition, documentQuery, cancellation).ConfigureAwait(false);
            var values = new List<OrchestrationMetadata>(page.Documents.Count);
            foreach (var document in page.Documents)
            {
                var entry = document.As<IndexDocument>();
                var read = await _store.ReadInstanceAsync(entry.Target, cancellation).ConfigureAwait(false);
                if (read is { } found && (statuses is not { Count: > 0 } || statuses.Contains(found.Document.RuntimeStatus)))
                {
                    values.Add(ToMetadata(found.Document, query.FetchInputsAndOutputs));
                }
            }

            return new Page<OrchestrationMetadata>(values, page.Continuation);
        });
    }

    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        if (instanceId[0] == '~')
        {
            return new PurgeResult(0);
        }

        await _store.ReadyAsync(cancellation).ConfigureAwait(false);
        var read = await _store.ReadInstanceAsync(instanceId, cancellation).ConfigureAwait(false);
        if (read is not { } found || !found.Document.IsTerminal)
        {
            return new PurgeResult(0);
        }

        await DeletePartitionAsync(instanceId, keepInstanceDocument: false, cancellation).ConfigureAwait(false);
        try
        {
            await Container.DeleteAsync(InstanceIds.IndexPartition, instanceId, null, cancellation).ConfigureAwait(false);
        }
        catch (DocumentStoreException ex) when (ex.Error == DocumentStoreError.NotFound)
        {
            // Index entry already gone.
        }

        return new PurgeResult(1);
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    internal static OrchestrationMetadata ToMetadata(InstanceDocument instance, bool withData) => new(instance.Name, instance.InstanceId)
    {
        RuntimeStatus = instance.RuntimeStatus,
        CreatedAt = instance.CreatedTime,
        LastUpdatedAt = instance.LastUpdatedTime,
        SerializedInput = withData ? instance.Input : null,
        SerializedOutput = withData ? instance.Output : null,
        SerializedCustomStatus = instance.CustomStatus,
        FailureDetails = instance.FailureDetails,
    };

    private async Task<OrchestrationMetadata> WaitAsync(string instanceId, bool getInputsAndOutputs, Func<OrchestrationMetadata, bool> done, CancellationToken cancellation)
    {
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            var metadata = await GetInstanceAsync(instanceId, getInputsAndOutputs, cancellation).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"No orchestration instance '{instanceId}' exists.");
            if (done(metadata))
            {
                return metadata;
            }

            await _signals.Completions.WaitAsync(delay, cancellation).ConfigureAwait(false);
            cancellation.ThrowIfCancellationRequested();
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
        }
    }

    private async Task<InstanceDocument> RequireInstanceAsync(string instanceId, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        await _store.ReadyAsync(cancellation).ConfigureAwait(false);
        var read = instanceId[0] == '~' ? null : await _store.ReadInstanceAsync(instanceId, cancellation).ConfigureAwait(false);
        return read?.Document ?? throw new ArgumentException($"No orchestration instance '{instanceId}' exists.", nameof(instanceId));
    }

    /// <summary>A Pending instance whose start message is gone was left by a client that crashed mid-start; it may be replaced.</summary>
    private async Task<bool> IsOrphanedPendingAsync(InstanceDocument instance, CancellationToken cancellation)
    {
        if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Pending || instance.Parent is not null)
        {
            return false;
        }

        var start = await Container.ReadAsync(_store.ShardOf(instance.InstanceId), InstanceIds.StartMessage(instance.InstanceId, instance.ExecutionId), cancellation).ConfigureAwait(false);
        return start is null && _store.Time.GetUtcNow() - instance.CreatedTime > TimeSpan.FromSeconds(30);
    }

    private async Task DeletePartitionAsync(string instanceId, bool keepInstanceDocument, CancellationToken cancellation)
    {
        while (true)
        {
            var page = await Container.QueryAsync(instanceId, DocumentQuery.All(500), cancellation).ConfigureAwait(false);
            var deletes = page.Documents
                .Where(d => !keepInstanceDocument || !string.Equals(d.Id, InstanceIds.InstanceDocId, StringComparison.Ordinal))
                .Select(d => DocumentOperation.Delete(instanceId, d.Id))
                .ToList();
            if (deletes.Count == 0)
            {
                return;
            }

            await _store.BulkAsync(deletes, cancellation, DocumentStoreError.NotFound).ConfigureAwait(false);
        }
    }

    private async Task UpsertIndexAsync(InstanceDocument instance, CancellationToken cancellation)
    {
        var index = new IndexDocument
        {
            Id = instance.InstanceId,
            Target = instance.InstanceId,
            Name = instance.Name,
            RuntimeStatus = instance.RuntimeStatus,
            CreatedTime = instance.CreatedTime.ToUnixTimeMilliseconds(),
        };
        await Container.UpsertAsync(InstanceIds.IndexPartition, index.Id, DurableStore.Json(index), cancellation).ConfigureAwait(false);
    }
}
