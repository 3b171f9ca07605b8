using System.Threading.Channels;
using Ecf.Storage;
using Microsoft.Extensions.Logging;

namespace Ecf.Durable.Engine;

/// <summary>
/// Runs activity work items: claim a batch of a shard's unleased (or expired) items with If-Match, run each, and write the
/// result message (deterministic id) and delete the item. Results are written in batches. At least once: a host killed mid-activity
/// leaves the item to be claimed again after its lease; past <see cref="DurableTaskOptions.MaxActivityDeliveries"/> claims it fails instead.
/// </summary>
internal sealed class ActivityProcessor
{
    private readonly DurableStore _store;
    private readonly DurableTaskRegistry _registry;
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;
    private readonly DurableSignals _signals;
    private readonly LeaseKeeper _leases;
    private readonly string _hostId;
    private readonly Channel<Completion> _completions = Channel.CreateUnbounded<Completion>(new UnboundedChannelOptions { SingleReader = true });
    private int _running;

    public ActivityProcessor(DurableStore store, DurableTaskRegistry registry, IServiceProvider services, ILoggerFactory loggerFactory, DurableSignals signals, LeaseKeeper leases, string hostId)
    {
        _store = store;
        _registry = registry;
        _services = services;
        _logger = loggerFactory.CreateLogger("Ecf.Durable.Activities");
        _signals = signals;
        _leases = leases;
        _hostId = hostId;
    }

    public int FreeSlots => _store.Options.MaxConcurrentActivities - Volatile.Read(ref _running);

    public string HostId => _hostId;

    /// <summary>Reserves up to <paramref name="wanted"/> slots for work items this host creates already leased to itself.</summary>
    public int TryReserve(int wanted)
    {
        while (true)
        {
            var running = Volatile.Read(ref _running);
            var granted = Math.Min(wanted, _store.Options.MaxConcurrentActivities - running);
            if (granted <= 0)
            {
                return 0;
            }

            if (Interlocked.CompareExchange(ref _running, running + granted, running) == running)
            {
                return granted;
            }
        }
    }

    public void Unreserve(int count) => Interlocked.Add(ref _running, -count);

    /// <summary>Runs a work item this host created leased to itself in a reserved slot (no claim, no query).</summary>
    public void StartReserved(string shard, WorkItemDocument item, string etag, CancellationToken cancellationToken)
    {
        var lease = new HeldLease(shard, item.Id, etag, leaseUntil => DurableStore.Json(item with { LeaseUntil = leaseUntil }));
        _leases.Track(lease);
        _ = Task.Run(() => ExecuteAsync(shard, item, lease, cancellationToken), CancellationToken.None);
    }

    /// <summary>Claims and starts up to <paramref name="max"/> work items of a shard; returns how many started.</summary>
    public async Task<int> ClaimAndStartAsync(string shard, int max, CancellationToken cancellationToken)
    {
        var now = _store.NowMs;
        var candidates = await _store.QueryClaimableWorkItemsAsync(shard, now, max, cancellationToken).ConfigureAwait(false);
        if (candidates.Count == 0)
        {
            return 0;
        }

        var until = now + (long)_store.Options.LeaseDuration.TotalMilliseconds;
        var claimed = candidates.Select(c => c.Item with { Attempts = c.Item.Attempts + 1, LeaseOwner = _hostId, LeaseUntil = until }).ToList();
        var results = await _store.Container.BulkWriteAsync(
            [.. claimed.Select((item, i) => DocumentOperation.Replace(shard, item.Id, DurableStore.Json(item), candidates[i].ETag))],
            cancellationToken).ConfigureAwait(false);
        var started = 0;
        for (var i = 0; i < claimed.Count; i++)
        {
            if (results[i].Document is not { } stored)
            {
                continue;
            }

            var item = claimed[i];
            var lease = new HeldLease(shard, item.Id, stored.ETag, leaseUntil => DurableStore.Json(item with { LeaseUntil = leaseUntil }));
            _leases.Track(lease);
            Interlocked.Increment(ref _running);
            started++;
            _ = Task.Run(() => ExecuteAsync(shard, item, lease, cancellationToken), CancellationToken.None);
        }

        return started;
    }

    /// <summary>Writes finished results in batches until <paramref name="cancellationToken"/> fires and the queue is empty.</summary>
    public async Task RunCompletionWriterAsync(CancellationToken cancellationToken)
    {
        var reader = _completions.Reader;
        var batch = new List<Completion>();
        while (await WaitToReadAsync(reader, cancellationToken).ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < 500 && reader.TryRead(out var completion))
            {
                batch.Add(completion);
            }

            try
            {
                var operations = new List<DocumentOperation>(batch.Count * 2);
                operations.AddRange(batch.Select(c => DocumentOperation.Create(c.Message.InstanceId, c.Message.Id, DurableStore.Json(c.Message))));
                operations.AddRange(batch.Select(c => DocumentOperation.Delete(c.Shard, c.WorkItemId)));
                var results = await _store.Container.BulkWriteAsync(operations, CancellationToken.None).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    if (results[i].Error is null)
                    {
                        _signals.Post(batch[i].Shard, batch[i].Message);
                    }
                    else if (results[i].Error is { } error and not DocumentStoreError.Conflict)
                    {
                        _logger.LogWarning("Result of activity {Id} could not be written ({Error}); it will run again after its lease.", batch[i].WorkItemId, error);
                    }
                }
            }
            catch (DocumentStoreException ex)
            {
                _logger.LogWarning(ex, "Activity results could not be written; those activities will run again after their leases.");
            }
            finally
            {
                foreach (var completion in batch)
                {
                    lock (completion.Lease.Gate)
                    {
                        completion.Lease.Released = true;
                    }

                    _leases.Untrack(completion.Lease);
                }

                Interlocked.Add(ref _running, -batch.Count);
                _signals.Orchestrations.Set();
                _signals.Activities.Set();
            }
        }
    }

    public void Complete() => _completions.Writer.TryComplete();

    private static async Task<bool> WaitToReadAsync(ChannelReader<Completion> reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return reader.TryPeek(out _);
        }
    }

    private async Task ExecuteAsync(string shard, WorkItemDocument item, HeldLease lease, CancellationToken cancellationToken)
    {
        string? output = null;
        TaskFailureDetails? failure = null;
        try
        {
            if (item.Attempts > _store.Options.MaxActivityDeliveries)
            {
                failure = new TaskFailureDetails(
                    "ActivityDeliveriesExceeded",
                    $"Activity '{item.Name}' was delivered {item.Attempts - 1} times without completing (its host crashed or stopped each time); the limit is {_store.Options.MaxActivityDeliveries}.");
            }
            else if (!_registry.TryGetActivity(item.Name, _services, out var activity))
            {
                failure = new TaskFailureDetails("ActivityNotRegistered", $"No activity named '{item.Name}' is registered on host {_hostId}.");
            }
            else
            {
                var input = DurableJson.Deserialize(item.Input, activity!.InputType);
                var result = await activity.RunAsync(new ActivityContext(item.Name, item.Target), input).ConfigureAwait(false);
                output = DurableJson.Serialize(result);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested || ex is not OperationCanceledException)
        {
            failure = TaskFailureDetails.FromException(ex);
        }
        catch (OperationCanceledException)
        {
            // Host stopping: leave the item to be claimed again.
            _leases.Untrack(lease);
            Interlocked.Decrement(ref _running);
            return;
        }

        var message = new MessageDocument
        {
            Id = InstanceIds.ActivityResult(item.Target, item.ExecutionId, item.TaskId),
            InstanceId = shard,
            Target = item.Target,
            ExecutionId = item.ExecutionId,
            Kind = failure is null ? MessageKind.TaskCompleted : MessageKind.TaskFailed,
            TaskId = item.TaskId,
            Data = output,
            Failure = failure,
            VisibleAt = _store.NowMs,
        };
        _completions.Writer.TryWrite(new Completion(shard, item.Id, message, lease));
    }

    private sealed record Completion(string Shard, string WorkItemId, MessageDocument Message, HeldLease Lease);

    private sealed class ActivityContext(TaskName name, string instanceId) : TaskActivityContext
    {
        public override TaskName Name { get; } = name;

        public override string InstanceId { get; } = instanceId;
    }
}
