using System.Collections.Concurrent;
using Ecf.Storage;
using Microsoft.Extensions.Logging;

namespace Ecf.Durable.Engine;

/// <summary>
/// Runs orchestration episodes: claim the instance's lease, load instance and history, replay and apply the new messages, then
/// commit in a crash-safe order: (a) outbound work with deterministic ids, (b) history chunk + instance document in one atomic
/// batch (creating the chunk id is the fence against a second host), (c) the listing index, (d) delete consumed messages and
/// release the lease. A crash between any two steps replays into the same outcome.
/// </summary>
internal sealed class EpisodeProcessor
{
    private readonly DurableStore _store;
    private readonly DurableTaskRegistry _registry;
    private readonly IServiceProvider _services;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly DurableSignals _signals;
    private readonly LeaseKeeper _leases;
    private readonly ActivityProcessor _activities;
    private readonly string _hostId;
    private readonly ConcurrentDictionary<string, CachedHistory> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _recentlyConsumed = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _consumedOrder = new();

    public EpisodeProcessor(DurableStore store, DurableTaskRegistry registry, IServiceProvider services, ILoggerFactory loggerFactory, DurableSignals signals, LeaseKeeper leases, ActivityProcessor activities, string hostId)
    {
        _activities = activities;
        _store = store;
        _registry = registry;
        _services = services;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger("Ecf.Durable.Episodes");
        _signals = signals;
        _leases = leases;
        _hostId = hostId;
    }

    private DurableTaskOptions Options => _store.Options;

    /// <summary>
    /// True for a message this host consumed and deleted in the last two seconds: a scan that started before the delete may
    /// still return it. Later copies (a redelivery) are processed again and dropped by the history check.
    /// </summary>
    public bool WasConsumed(string messageId) => _recentlyConsumed.TryGetValue(messageId, out var at) && _store.NowMs - at < 2000;

    /// <summary>Runs one episode; returns the lease-until time (Unix ms) of another host when the instance is busy, otherwise null.</summary>
    public async Task<long?> RunAsync(string shard, string instanceId, IReadOnlyList<MessageDocument> messages, CancellationToken cancellationToken)
    {
        var (lease, busyUntil) = await ClaimLeaseAsync(shard, instanceId, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            return busyUntil;
        }

        _leases.Track(lease.Value.Held);
        try
        {
            await ProcessAsync(shard, instanceId, messages, lease.Value.Held, lease.Value.Attempts, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The lease stays; the next claim counts another attempt (poison cap). Retries back off with the attempts.
            _cache.TryRemove(instanceId, out _);
            _logger.LogWarning(ex, "Episode of {InstanceId} failed (attempt {Attempts}); it will be retried.", instanceId, lease.Value.Attempts);
            return _store.NowMs + Math.Min((long)Options.LeaseDuration.TotalMilliseconds, 250L * lease.Value.Attempts);
        }
        finally
        {
            _leases.Untrack(lease.Value.Held);
        }

        return null;
    }

    private async Task<((HeldLease Held, int Attempts)? Lease, long? BusyUntil)> ClaimLeaseAsync(string shard, string instanceId, CancellationToken cancellationToken)
    {
        var id = InstanceIds.Lease(instanceId);
        var now = _store.NowMs;
        var until = now + (long)Options.LeaseDuration.TotalMilliseconds;
        var existing = await _store.Container.ReadAsync(shard, id, cancellationToken).ConfigureAwait(false);
        LeaseDocument claimed;
        StoredDocument stored;
        try
        {
            if (existing is null)
            {
                claimed = new LeaseDocument { Id = id, InstanceId = shard, Target = instanceId, Owner = _hostId, LeaseUntil = until, Attempts = 1 };
                stored = await _store.Container.CreateAsync(shard, id, DurableStore.Json(claimed), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var current = existing.As<LeaseDocument>();
                if (current.LeaseUntil > now && !string.Equals(current.Owner, _hostId, StringComparison.Ordinal))
                {
                    return (null, current.LeaseUntil);
                }

                claimed = current with { Owner = _hostId, LeaseUntil = until, Attempts = current.Attempts + 1 };
                stored = await _store.Container.ReplaceAsync(shard, id, DurableStore.Json(claimed), existing.ETag, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (DocumentStoreException ex) when (ex.Error is DocumentStoreError.Conflict or DocumentStoreError.PreconditionFailed or DocumentStoreError.NotFound)
        {
            return (null, now + 50);
        }

        var held = new HeldLease(shard, id, stored.ETag, leaseUntil => DurableStore.Json(claimed with { LeaseUntil = leaseUntil }));
        return ((held, claimed.Attempts), null);
    }

    private async Task ProcessAsync(string shard, string instanceId, IReadOnlyList<MessageDocument> messages, HeldLease lease, int attempts, CancellationToken cancellationToken)
    {
        var nowOffset = _store.Time.GetUtcNow();
        var now = nowOffset.UtcDateTime;
        var read = await _store.ReadInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var instance = read?.Document;
        var etag = read?.ETag;
        var outbound = new List<DocumentOperation>();
        var toDelete = new List<string>();
        var oldChunksToDelete = new List<string>();
        // Same-time messages from one parent episode (e.g. two starts of one child id) go in the parent's call order.
        var ordered = messages.OrderBy(m => m.VisibleAt).ThenBy(m => m.Parent?.TaskId ?? -1).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        var isNew = false;

        if (instance is null)
        {
            var start = ordered.FirstOrDefault(m => m.Kind == MessageKind.Start);
            if (start is null)
            {
                toDelete.AddRange(ordered.Select(m => m.Id));
                await CleanUpAsync(shard, toDelete, [], lease, cancellationToken).ConfigureAwait(false);
                return;
            }

            instance = NewInstance(instanceId, start, nowOffset);
            isNew = true;
        }

        foreach (var start in ordered.Where(m => m.Kind == MessageKind.Start && !string.Equals(m.ExecutionId, instance.ExecutionId, StringComparison.Ordinal)).ToList())
        {
            if (instance.IsTerminal)
            {
                // A finished id started again (e.g. by a parent): a new execution replaces the old one.
                oldChunksToDelete.AddRange(Enumerable.Range(0, instance.ChunkCount).Select(c => InstanceIds.HistoryChunk(instance.ExecutionId, c)));
                _cache.TryRemove(instanceId, out _);
                instance = NewInstance(instanceId, start, nowOffset) with { CreatedTime = nowOffset };
            }
            else
            {
                toDelete.Add(start.Id);
                ordered.Remove(start);
                if (start.Parent is { } parent)
                {
                    outbound.Add(ParentResult(parent, null, new TaskFailureDetails(typeof(OrchestrationAlreadyExistsException).FullName!, $"An orchestration with instance id '{instanceId}' is already pending or running."), nowOffset));
                }
            }
        }

        var relevant = new List<MessageDocument>();
        foreach (var message in ordered)
        {
            if (instance.IsTerminal || (message.ExecutionId is not null && !string.Equals(message.ExecutionId, instance.ExecutionId, StringComparison.Ordinal)))
            {
                toDelete.Add(message.Id);
            }
            else
            {
                relevant.Add(message);
            }
        }

        if (relevant.Count == 0)
        {
            await _store.BulkAsync(outbound, cancellationToken, DocumentStoreError.Conflict).ConfigureAwait(false);
            if (instance.IsTerminal && !isNew)
            {
                await UpsertIndexAsync(instance, cancellationToken).ConfigureAwait(false);
            }

            await CleanUpAsync(shard, toDelete, [], lease, cancellationToken).ConfigureAwait(false);
            return;
        }

        var past = await LoadHistoryAsync(instance, isNew, cancellationToken).ConfigureAwait(false);
        if (relevant.TrueForAll(m => past.Any(e => string.Equals(e.MessageId, m.Id, StringComparison.Ordinal))))
        {
            // Only redeliveries of messages a committed episode already applied (its host died before deleting them, e.g. killed
            // by work it started): nothing to run, so no poison attempt either. The listing index is written again in case the
            // host died before step (c); deleting the messages and the lease resets the count.
            toDelete.AddRange(relevant.Select(m => m.Id));
            await _store.BulkAsync(outbound, cancellationToken, DocumentStoreError.Conflict).ConfigureAwait(false);
            await UpsertIndexAsync(instance, cancellationToken).ConfigureAwait(false);
            await CleanUpAsync(shard, toDelete, [], lease, cancellationToken).ConfigureAwait(false);
            return;
        }

        EpisodeOutcome outcome;
        if (attempts > Options.MaxEpisodeAttempts)
        {
            outcome = PoisonOutcome(instance, attempts, now, relevant);
        }
        else if (!_registry.TryGetOrchestrator(instance.Name, _services, out var orchestrator))
        {
            outcome = PoisonOutcome(instance, attempts, now, relevant, new TaskFailureDetails("OrchestratorNotRegistered", $"No orchestrator named '{instance.Name}' is registered on host {_hostId}."));
        }
        else
        {
            var parent = instance.Parent is { } p ? new ParentOrchestrationInstance(p.Name, p.InstanceId) : null;
            outcome = OrchestrationExecutor.Run(orchestrator!, instance.Name, instanceId, parent, past, [.. relevant.Select(ToIncoming)], now, _loggerFactory);
        }

        toDelete.AddRange(outcome.Consumed);
        var nothingNew = outcome.NewEvents.Count <= 1 && outcome.FinalStatus is null && !isNew;
        if (nothingNew)
        {
            await _store.BulkAsync(outbound, cancellationToken, DocumentStoreError.Conflict).ConfigureAwait(false);
            await CleanUpAsync(shard, toDelete, [.. relevant.Where(m => outcome.Deferred.Contains(m.Id))], lease, cancellationToken).ConfigureAwait(false);
            return;
        }

        // (a) Outbound work and messages, deterministic ids: a repeat after a crash finds them there (Conflict) and moves on.
        var scheduledActivities = false;
        var sentMessages = false;
        var reserved = _activities.TryReserve(outcome.NewEvents.Count(e => e.Kind == HistoryEventKind.TaskScheduled));
        var preLeased = new List<(WorkItemDocument Item, int Index)>();
        var leaseUntil = _store.NowMs + (long)Options.LeaseDuration.TotalMilliseconds;
        var episodeTime = outcome.NewEvents[0].Timestamp ?? now;
        foreach (var e in outcome.NewEvents)
        {
            switch (e.Kind)
            {
                case HistoryEventKind.TaskScheduled:
                    var workItem = new WorkItemDocument
                    {
                        Id = InstanceIds.WorkItem(instanceId, instance.ExecutionId, e.TaskId!.Value),
                        InstanceId = shard,
                        Target = instanceId,
                        ExecutionId = instance.ExecutionId,
                        TaskId = e.TaskId.Value,
                        Name = e.Name!,
                        Input = e.Data,
                    };
                    if (preLeased.Count < reserved)
                    {
                        // Leased to this host from the start and run here after the commit: no claim, no query.
                        workItem = workItem with { Attempts = 1, LeaseOwner = _hostId, LeaseUntil = leaseUntil };
                        preLeased.Add((workItem, outbound.Count));
                    }

                    outbound.Add(DocumentOperation.Create(shard, workItem.Id, DurableStore.Json(workItem)));
                    scheduledActivities = true;
                    break;
                case HistoryEventKind.TimerCreated:
                    outbound.Add(Message(new MessageDocument
                    {
                        Id = InstanceIds.TimerMessage(instanceId, instance.ExecutionId, e.TaskId!.Value),
                        InstanceId = shard,
                        Target = instanceId,
                        ExecutionId = instance.ExecutionId,
                        Kind = MessageKind.TimerFired,
                        TaskId = e.TaskId,
                        VisibleAt = new DateTimeOffset(DateTime.SpecifyKind(e.FireAt!.Value, DateTimeKind.Utc)).ToUnixTimeMilliseconds(),
                    }));
                    sentMessages = true;
                    break;
                case HistoryEventKind.SubOrchestrationCreated:
                    var child = e.InstanceId!;
                    var childExecution = InstanceIds.DerivedExecutionId($"{instanceId}|{instance.ExecutionId}|{e.TaskId}");
                    outbound.Add(Message(new MessageDocument
                    {
                        Id = InstanceIds.StartMessage(child, childExecution),
                        InstanceId = _store.ShardOf(child),
                        Target = child,
                        ExecutionId = childExecution,
                        Kind = MessageKind.Start,
                        Name = e.Name,
                        Data = e.Data,
                        VisibleAt = nowOffset.ToUnixTimeMilliseconds(),
                        CreatedTime = nowOffset,
                        Parent = new ParentRef(instance.Name, instanceId, instance.ExecutionId, e.TaskId!.Value),
                    }));
                    sentMessages = true;
                    break;
                case HistoryEventKind.EventSent:
                    var target = e.InstanceId!;
                    outbound.Add(Message(new MessageDocument
                    {
                        Id = InstanceIds.EventMessage(target, new DateTimeOffset(episodeTime), $"{instanceId}|{instance.ExecutionId}|{e.TaskId}"),
                        InstanceId = _store.ShardOf(target),
                        Target = target,
                        Kind = MessageKind.EventRaised,
                        Name = e.Name,
                        Data = e.Data,
                        VisibleAt = nowOffset.ToUnixTimeMilliseconds(),
                    }));
                    sentMessages = true;
                    break;
                default:
                    break;
            }
        }

        string? nextExecution = null;
        if (outcome.FinalStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed && instance.Parent is { } parentRef)
        {
            outbound.Add(ParentResult(parentRef, outcome.Output, outcome.FinalStatus == OrchestrationRuntimeStatus.Failed ? outcome.Failure : null, nowOffset));
            sentMessages = true;
        }
        else if (outcome.FinalStatus == OrchestrationRuntimeStatus.ContinuedAsNew)
        {
            nextExecution = InstanceIds.DerivedExecutionId($"{instanceId}|{instance.ExecutionId}|continue-as-new");
            outbound.Add(Message(new MessageDocument
            {
                Id = InstanceIds.StartMessage(instanceId, nextExecution),
                InstanceId = shard,
                Target = instanceId,
                ExecutionId = nextExecution,
                Kind = MessageKind.Start,
                Name = instance.Name,
                Data = outcome.ContinueAsNewInput,
                VisibleAt = nowOffset.ToUnixTimeMilliseconds(),
                Generation = instance.Generation + 1,
            }));
            var i = 0;
            foreach (var (name, data) in outcome.CarriedEvents)
            {
                outbound.Add(Message(new MessageDocument
                {
                    Id = InstanceIds.EventMessage(instanceId, nowOffset.AddTicks(i), $"{nextExecution}|{i}"),
                    InstanceId = shard,
                    Target = instanceId,
                    Kind = MessageKind.EventRaised,
                    Name = name,
                    Data = data,
                    VisibleAt = nowOffset.ToUnixTimeMilliseconds(),
                }));
                i++;
            }

            sentMessages = true;
        }

        IReadOnlyList<BulkResult> sent;
        try
        {
            sent = await _store.BulkAsync(outbound, cancellationToken, DocumentStoreError.Conflict).ConfigureAwait(false);
        }
        catch
        {
            _activities.Unreserve(reserved);
            throw;
        }

        // (b) History chunk + instance document, atomically, in the instance's partition.
        var chunkId = InstanceIds.HistoryChunk(instance.ExecutionId, instance.ChunkCount);
        var chunk = new HistoryChunkDocument { Id = chunkId, InstanceId = instanceId, ExecutionId = instance.ExecutionId, Chunk = instance.ChunkCount, Events = outcome.NewEvents };
        var previousStatus = isNew ? (OrchestrationRuntimeStatus?)null : read?.Document.RuntimeStatus;
        var updated = Advance(instance, outcome, nowOffset, nextExecution);
        var batch = new List<DocumentOperation> { DocumentOperation.Create(instanceId, chunkId, DurableStore.Json(chunk)) };
        const int MaxDeletesInBatch = 80;
        batch.AddRange(oldChunksToDelete.Take(MaxDeletesInBatch).Select(id => DocumentOperation.Delete(instanceId, id)));
        batch.Add(isNew || etag is null
            ? DocumentOperation.Create(instanceId, InstanceIds.InstanceDocId, DurableStore.Json(updated))
            : DocumentOperation.Replace(instanceId, InstanceIds.InstanceDocId, DurableStore.Json(updated), etag));
        try
        {
            await _store.Container.ExecuteBatchAsync(instanceId, batch, cancellationToken).ConfigureAwait(false);
        }
        catch (DocumentStoreException ex) when (ex.Error is DocumentStoreError.Conflict or DocumentStoreError.PreconditionFailed or DocumentStoreError.NotFound)
        {
            // Another host committed this step first: ours is discarded.
            _cache.TryRemove(instanceId, out _);
            _logger.LogDebug("Episode of {InstanceId} lost the commit race ({Error}).", instanceId, ex.Error);
            _activities.Unreserve(reserved);
            await ReleaseAsync(shard, lease, cancellationToken).ConfigureAwait(false);
            return;
        }

        var started = 0;
        foreach (var (item, index) in preLeased)
        {
            if (sent[index].Document is { } created)
            {
                _activities.StartReserved(shard, item, created.ETag, cancellationToken);
                started++;
            }
        }

        _activities.Unreserve(reserved - started);
        if (scheduledActivities && preLeased.Count < outcome.NewEvents.Count(e => e.Kind == HistoryEventKind.TaskScheduled))
        {
            _signals.Activities.Set();
        }

        if (sentMessages)
        {
            var nowMs = nowOffset.ToUnixTimeMilliseconds();
            for (var i = 0; i < outbound.Count; i++)
            {
                if (sent[i].Document is { } document && outbound[i].Id.StartsWith("m:", StringComparison.Ordinal))
                {
                    var message = document.As<MessageDocument>();
                    if (message.VisibleAt <= nowMs)
                    {
                        _signals.Post(message.InstanceId, message);
                    }
                }
            }
        }

        // Bounded history: after ContinueAsNew (or a restart) the old execution's chunks go.
        var leftovers = oldChunksToDelete.Skip(MaxDeletesInBatch).ToList();
        if (nextExecution is not null)
        {
            leftovers.AddRange(Enumerable.Range(0, instance.ChunkCount + 1).Select(c => InstanceIds.HistoryChunk(instance.ExecutionId, c)));
        }

        if (leftovers.Count > 0)
        {
            await _store.BulkAsync([.. leftovers.Select(id => DocumentOperation.Delete(instanceId, id))], cancellationToken, DocumentStoreError.NotFound).ConfigureAwait(false);
        }

        if (nextExecution is not null || updated.IsTerminal)
        {
            _cache.TryRemove(instanceId, out _);
        }
        else
        {
            var cached = _cache.GetOrAdd(instanceId, _ => new CachedHistory(updated.ExecutionId));
            if (string.Equals(cached.ExecutionId, updated.ExecutionId, StringComparison.Ordinal) && cached.ChunkCount == instance.ChunkCount)
            {
                cached.Events.AddRange(outcome.NewEvents);
                cached.ChunkCount = updated.ChunkCount;
            }
            else
            {
                _cache.TryRemove(instanceId, out _);
            }
        }

        // (c) The listing index follows status changes (a repairable projection: a repeat of the episode rewrites it).
        if (previousStatus != updated.RuntimeStatus)
        {
            await UpsertIndexAsync(updated, cancellationToken).ConfigureAwait(false);
        }

        // (d) Consumed messages and the lease.
        var deferred = relevant.Where(m => outcome.Deferred.Contains(m.Id)).ToList();
        await CleanUpAsync(shard, toDelete, deferred, lease, cancellationToken).ConfigureAwait(false);
        if (updated.IsTerminal)
        {
            _signals.Completions.Set();
        }
    }

    private static InstanceDocument NewInstance(string instanceId, MessageDocument start, DateTimeOffset now) => new()
    {
        InstanceId = instanceId,
        Name = start.Name ?? "unknown",
        ExecutionId = start.ExecutionId ?? "0",
        Input = start.Data,
        RuntimeStatus = OrchestrationRuntimeStatus.Pending,
        CreatedTime = start.CreatedTime ?? now,
        LastUpdatedTime = now,
        Parent = start.Parent,
        Generation = start.Generation,
    };

    private static InstanceDocument Advance(InstanceDocument instance, EpisodeOutcome outcome, DateTimeOffset now, string? nextExecution)
    {
        var customStatus = outcome.CustomStatusSet ? outcome.CustomStatus : instance.CustomStatus;
        if (nextExecution is not null)
        {
            return instance with
            {
                ExecutionId = nextExecution,
                ChunkCount = 0,
                EventCount = 0,
                Generation = instance.Generation + 1,
                Input = outcome.ContinueAsNewInput,
                Output = null,
                RuntimeStatus = OrchestrationRuntimeStatus.Running,
                CustomStatus = customStatus,
                LastUpdatedTime = now,
            };
        }

        var status = outcome.FinalStatus ?? (outcome.Started ? OrchestrationRuntimeStatus.Running : instance.RuntimeStatus);
        return instance with
        {
            ChunkCount = instance.ChunkCount + 1,
            EventCount = instance.EventCount + outcome.NewEvents.Count,
            RuntimeStatus = status,
            Output = outcome.FinalStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Terminated ? outcome.Output : instance.Output,
            FailureDetails = outcome.FinalStatus == OrchestrationRuntimeStatus.Failed ? outcome.Failure : instance.FailureDetails,
            CustomStatus = customStatus,
            LastUpdatedTime = now,
        };
    }

    private EpisodeOutcome PoisonOutcome(InstanceDocument instance, int attempts, DateTime now, List<MessageDocument> relevant, TaskFailureDetails? details = null)
    {
        var outcome = new EpisodeOutcome { FinalStatus = OrchestrationRuntimeStatus.Failed };
        outcome.Failure = details ?? new TaskFailureDetails(
            "EpisodeAttemptsExceeded",
            $"The orchestration's episode was claimed {attempts} times without completing (its host crashed or the runtime failed each time); the limit is {Options.MaxEpisodeAttempts}.");
        outcome.NewEvents.Add(new HistoryEvent { Kind = HistoryEventKind.OrchestratorStarted, Timestamp = DateTime.SpecifyKind(now, DateTimeKind.Utc) });
        outcome.NewEvents.Add(new HistoryEvent { Kind = HistoryEventKind.ExecutionFailed, Failure = outcome.Failure });
        foreach (var message in relevant)
        {
            outcome.Consumed.Add(message.Id);
        }

        _logger.LogError("Instance {InstanceId} ({Name}) failed: {Failure}", instance.InstanceId, instance.Name, outcome.Failure.ErrorMessage);
        return outcome;
    }

    private async Task<IReadOnlyList<HistoryEvent>> LoadHistoryAsync(InstanceDocument instance, bool isNew, CancellationToken cancellationToken)
    {
        if (isNew || instance.ChunkCount == 0)
        {
            _cache[instance.InstanceId] = new CachedHistory(instance.ExecutionId);
            return [];
        }

        if (_cache.TryGetValue(instance.InstanceId, out var cached)
            && string.Equals(cached.ExecutionId, instance.ExecutionId, StringComparison.Ordinal)
            && cached.ChunkCount <= instance.ChunkCount)
        {
            if (cached.ChunkCount < instance.ChunkCount)
            {
                var more = await _store.ReadChunksAsync(instance.InstanceId, instance.ExecutionId, cached.ChunkCount, cancellationToken).ConfigureAwait(false);
                Append(cached, more, instance.ChunkCount);
            }

            return [.. cached.Events];
        }

        var fresh = new CachedHistory(instance.ExecutionId);
        var chunks = await _store.ReadChunksAsync(instance.InstanceId, instance.ExecutionId, 0, cancellationToken).ConfigureAwait(false);
        Append(fresh, chunks, instance.ChunkCount);
        _cache[instance.InstanceId] = fresh;
        return [.. fresh.Events];
    }

    private static void Append(CachedHistory cached, List<HistoryChunkDocument> chunks, int expectedChunkCount)
    {
        foreach (var chunk in chunks.Where(c => c.Chunk < expectedChunkCount).OrderBy(c => c.Chunk))
        {
            if (chunk.Chunk != cached.ChunkCount)
            {
                throw new DocumentStoreException(DocumentStoreError.Unavailable, $"History chunk {cached.ChunkCount} of {chunk.InstanceId} is missing.");
            }

            cached.Events.AddRange(chunk.Events);
            cached.ChunkCount++;
        }

        if (cached.ChunkCount != expectedChunkCount)
        {
            throw new DocumentStoreException(DocumentStoreError.Unavailable, $"History of {chunks.FirstOrDefault()?.InstanceId} has {cached.ChunkCount} chunks, expected {expectedChunkCount}.");
        }
    }

    private static IncomingMessage ToIncoming(MessageDocument m) => new(m.Id, m.Kind switch
    {
        MessageKind.Start => new HistoryEvent { Kind = HistoryEventKind.ExecutionStarted, Name = m.Name, Data = m.Data },
        MessageKind.TaskCompleted => new HistoryEvent { Kind = HistoryEventKind.TaskCompleted, TaskId = m.TaskId, Data = m.Data },
        MessageKind.TaskFailed => new HistoryEvent { Kind = HistoryEventKind.TaskFailed, TaskId = m.TaskId, Failure = m.Failure },
        MessageKind.TimerFired => new HistoryEvent { Kind = HistoryEventKind.TimerFired, TaskId = m.TaskId },
        MessageKind.SubOrchestrationCompleted => new HistoryEvent { Kind = HistoryEventKind.SubOrchestrationCompleted, TaskId = m.TaskId, Data = m.Data },
        MessageKind.SubOrchestrationFailed => new HistoryEvent { Kind = HistoryEventKind.SubOrchestrationFailed, TaskId = m.TaskId, Failure = m.Failure },
        MessageKind.EventRaised => new HistoryEvent { Kind = HistoryEventKind.EventRaised, Name = m.Name, Data = m.Data },
        _ => new HistoryEvent { Kind = HistoryEventKind.ExecutionTerminated, Data = m.Data },
    });

    private DocumentOperation ParentResult(ParentRef parent, string? output, TaskFailureDetails? failure, DateTimeOffset now) => Message(new MessageDocument
    {
        Id = InstanceIds.SubResult(parent.InstanceId, parent.ExecutionId, parent.TaskId),
        InstanceId = _store.ShardOf(parent.InstanceId),
        Target = parent.InstanceId,
        ExecutionId = parent.ExecutionId,
        Kind = failure is null ? MessageKind.SubOrchestrationCompleted : MessageKind.SubOrchestrationFailed,
        TaskId = parent.TaskId,
        Data = failure is null ? output : null,
        Failure = failure,
        VisibleAt = now.ToUnixTimeMilliseconds(),
    });

    private static DocumentOperation Message(MessageDocument message) => DocumentOperation.Create(message.InstanceId, message.Id, DurableStore.Json(message));

    private async Task UpsertIndexAsync(InstanceDocument instance, CancellationToken cancellationToken)
    {
        var index = new IndexDocument
        {
            Id = instance.InstanceId,
            Target = instance.InstanceId,
            Name = instance.Name,
            RuntimeStatus = instance.RuntimeStatus,
            CreatedTime = instance.CreatedTime.ToUnixTimeMilliseconds(),
        };
        await _store.Container.UpsertAsync(InstanceIds.IndexPartition, index.Id, DurableStore.Json(index), cancellationToken).ConfigureAwait(false);
    }

    private async Task CleanUpAsync(string shard, List<string> toDelete, List<MessageDocument> deferred, HeldLease lease, CancellationToken cancellationToken)
    {
        var operations = new List<DocumentOperation>(toDelete.Count + deferred.Count + 1);
        operations.AddRange(toDelete.Distinct(StringComparer.Ordinal).Select(id => DocumentOperation.Delete(shard, id)));
        var later = _store.NowMs + 1000;
        operations.AddRange(deferred.Select(m => DocumentOperation.Upsert(shard, m.Id, DurableStore.Json(m with { VisibleAt = later }))));
        string leaseETag;
        lock (lease.Gate)
        {
            lease.Released = true;
            leaseETag = lease.ETag;
            operations.Add(DocumentOperation.Delete(shard, lease.Id, leaseETag));
        }

        var results = await _store.Container.BulkWriteAsync(operations, cancellationToken).ConfigureAwait(false);
        if (results[^1].Error == DocumentStoreError.PreconditionFailed)
        {
            // A renewal that was already under way when the episode finished moved the ETag: release with the new one.
            string renewed;
            lock (lease.Gate)
            {
                renewed = lease.ETag;
            }

            if (!string.Equals(renewed, leaseETag, StringComparison.Ordinal))
            {
                await _store.BulkAsync([DocumentOperation.Delete(shard, lease.Id, renewed)], cancellationToken, DocumentStoreError.NotFound, DocumentStoreError.PreconditionFailed).ConfigureAwait(false);
            }
        }
        var now = _store.NowMs;
        foreach (var id in toDelete)
        {
            if (_recentlyConsumed.TryAdd(id, now))
            {
                _consumedOrder.Enqueue(id);
            }
        }

        while (_consumedOrder.TryPeek(out var oldest)
            && (_consumedOrder.Count > 100_000 || !_recentlyConsumed.TryGetValue(oldest, out var at) || now - at > 2000)
            && _consumedOrder.TryDequeue(out var old))
        {
            _recentlyConsumed.TryRemove(old, out _);
        }
    }

    private async Task ReleaseAsync(string shard, HeldLease lease, CancellationToken cancellationToken) =>
        await CleanUpAsync(shard, [], [], lease, cancellationToken).ConfigureAwait(false);

    private sealed class CachedHistory(string executionId)
    {
        public string ExecutionId { get; } = executionId;

        public int ChunkCount { get; set; }

        public List<HistoryEvent> Events { get; } = [];
    }
}
