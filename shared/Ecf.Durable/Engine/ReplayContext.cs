using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Ecf.Durable.Engine;

/// <summary>
/// The orchestration context during an episode: calls get consecutive task ids; a call already recorded in history is checked
/// against the record (non-determinism) and completed from history; a new call becomes a new history event (an action).
/// </summary>
internal sealed class ReplayContext : TaskOrchestrationContext
{
    private static readonly Guid GuidNamespace = new("9e952958-5e33-4daf-827f-2fa12937b875");
    private readonly Dictionary<int, HistoryEvent> _recordedSchedules;
    private readonly Dictionary<int, OpenTask> _open = [];
    private readonly Dictionary<string, Queue<string?>> _bufferedEvents = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, LinkedList<EventWaiter>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<HistoryEvent> _newEvents;
    private readonly ILoggerFactory _loggerFactory;
    private int _nextTaskId;
    private int _guidCounter;

    public ReplayContext(TaskName name, string instanceId, ParentOrchestrationInstance? parent, IEnumerable<HistoryEvent> past, List<HistoryEvent> newEvents, ILoggerFactory loggerFactory)
    {
        Name = name;
        InstanceId = instanceId;
        Parent = parent;
        _newEvents = newEvents;
        _loggerFactory = loggerFactory;
        _recordedSchedules = past.Where(e => e.IsSchedule && e.TaskId is not null).ToDictionary(e => e.TaskId!.Value);
    }

    public override TaskName Name { get; }

    public override string InstanceId { get; }

    public override ParentOrchestrationInstance? Parent { get; }

    public override DateTime CurrentUtcDateTime => CurrentTime;

    public override bool IsReplaying => Replaying;

    public DateTime CurrentTime { get; set; }

    public bool Replaying { get; set; }

    public string? Input { get; set; }

    public int NextTaskId => _nextTaskId;

    public string? NonDeterminism { get; private set; }

    public bool ContinueAsNewRequested { get; private set; }

    public string? ContinueAsNewInput { get; private set; }

    public bool PreserveUnprocessedEvents { get; private set; }

    public bool CustomStatusSet { get; private set; }

    public string? CustomStatus { get; private set; }

    /// <summary>Schedules recorded in history that the orchestrator has not asked for (again) in this replay.</summary>
    public IReadOnlyCollection<HistoryEvent> UnclaimedSchedules => _recordedSchedules.Values;

    protected override ILoggerFactory LoggerFactory => _loggerFactory;

    public override T? GetInput<T>()
        where T : default => DurableJson.Deserialize<T>(Input);

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        if (options?.Retry?.Policy is { } policy)
        {
            return WithRetry(() => ScheduleActivity<TResult>(name, input), policy);
        }

        return ScheduleActivity<TResult>(name, input);
    }

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
    {
        var instanceId = (options as SubOrchestrationOptions)?.InstanceId;
        if (options?.Retry?.Policy is { } policy)
        {
            return WithRetry(() => ScheduleSubOrchestration<TResult>(orchestratorName, input, instanceId), policy);
        }

        return ScheduleSubOrchestration<TResult>(orchestratorName, input, instanceId);
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var utc = fireAt.Kind == DateTimeKind.Local ? fireAt.ToUniversalTime() : DateTime.SpecifyKind(fireAt, DateTimeKind.Utc);
        var open = Schedule<object?>(new HistoryEvent { Kind = HistoryEventKind.TimerCreated, FireAt = utc, Name = "timer" }, HistoryEventKind.TimerFired, "timer");
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(static state => ((OpenTask)state!).Cancel(), open);
        }

        return open.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        if (_bufferedEvents.TryGetValue(eventName, out var buffered) && buffered.Count > 0)
        {
            return Task.FromResult(DurableJson.Deserialize<T>(buffered.Dequeue())!);
        }

        var waiter = new EventWaiter<T>();
        if (!_waiters.TryGetValue(eventName, out var list))
        {
            _waiters[eventName] = list = new LinkedList<EventWaiter>();
        }

        var node = list.AddLast(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (node.List is not null)
                {
                    list.Remove(node);
                }

                waiter.Cancel();
            });
        }

        return waiter.Task;
    }

    public override void SendEvent(string instanceId, string eventName, object payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        Schedule<object?>(new HistoryEvent { Kind = HistoryEventKind.EventSent, Name = eventName, InstanceId = instanceId, Data = DurableJson.Serialize(payload) }, null, eventName);
    }

    public override void SetCustomStatus(object? customStatus)
    {
        CustomStatusSet = true;
        CustomStatus = DurableJson.Serialize(customStatus);
    }

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true)
    {
        ContinueAsNewRequested = true;
        ContinueAsNewInput = DurableJson.Serialize(newInput);
        PreserveUnprocessedEvents = preserveUnprocessedEvents;
    }

    public override Guid NewGuid()
    {
        var name = $"{InstanceId}_{CurrentUtcDateTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture)}_{_guidCounter++}";
        return NameBasedGuid(GuidNamespace, name);
    }

    /// <summary>Completes the open task that <paramref name="completion"/> answers; false when no open task has its id and kind.</summary>
    public bool TryComplete(HistoryEvent completion)
    {
        if (completion.TaskId is not { } id || !_open.TryGetValue(id, out var open) || !open.Accepts(completion.Kind))
        {
            return false;
        }

        _open.Remove(id);
        open.Complete(completion);
        return true;
    }

    public bool IsOpen(int taskId, HistoryEventKind completionKind) => _open.TryGetValue(taskId, out var open) && open.Accepts(completionKind);

    public void DeliverEvent(string name, string? data)
    {
        if (_waiters.TryGetValue(name, out var list) && list.First is { } first)
        {
            list.RemoveFirst();
            first.Value.Complete(data);
            return;
        }

        if (!_bufferedEvents.TryGetValue(name, out var queue))
        {
            _bufferedEvents[name] = queue = new Queue<string?>();
        }

        queue.Enqueue(data);
    }

    /// <summary>Events received but never waited for, oldest first (carried over by ContinueAsNew).</summary>
    public IEnumerable<(string Name, string? Data)> UnconsumedEvents() =>
        _bufferedEvents.SelectMany(pair => pair.Value.Select(data => (pair.Key, data)));

    internal static Guid NameBasedGuid(Guid namespaceId, string name)
    {
        Span<byte> ns = stackalloc byte[16];
        namespaceId.TryWriteBytes(ns, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var buffer = new byte[16 + nameBytes.Length];
        ns.CopyTo(buffer);
        nameBytes.CopyTo(buffer, 16);
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 name-based (version 5) UUIDs are defined with; not used for security.
        var hash = SHA1.HashData(buffer);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    private Task<TResult> ScheduleActivity<TResult>(TaskName name, object? input) =>
        Schedule<TResult>(new HistoryEvent { Kind = HistoryEventKind.TaskScheduled, Name = name.Name, Data = DurableJson.Serialize(input) }, HistoryEventKind.TaskCompleted, name.Name).Task;

    private Task<TResult> ScheduleSubOrchestration<TResult>(TaskName name, object? input, string? instanceId)
    {
        var childId = instanceId ?? NewGuid().ToString("N");
        return Schedule<TResult>(new HistoryEvent { Kind = HistoryEventKind.SubOrchestrationCreated, Name = name.Name, InstanceId = childId, Data = DurableJson.Serialize(input) }, HistoryEventKind.SubOrchestrationCompleted, name.Name).Task;
    }

    private async Task<TResult> WithRetry<TResult>(Func<Task<TResult>> call, RetryPolicy policy)
    {
        var firstAttempt = CurrentUtcDateTime;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call().ConfigureAwait(true);
            }
            catch (TaskFailedException ex) when (attempt < policy.MaxNumberOfAttempts
                && policy.HandleFailure(ex.FailureDetails)
                && (policy.RetryTimeout == Timeout.InfiniteTimeSpan || CurrentUtcDateTime - firstAttempt < policy.RetryTimeout))
            {
                await CreateTimer(CurrentUtcDateTime.Add(policy.GetRetryDelay(attempt)), CancellationToken.None).ConfigureAwait(true);
            }
        }
    }

    private OpenTask<T> Schedule<T>(HistoryEvent request, HistoryEventKind? completionKind, string displayName)
    {
        var id = _nextTaskId++;
        var action = request with { TaskId = id };
        if (_recordedSchedules.Remove(id, out var recorded))
        {
            if (recorded.Kind != action.Kind || !string.Equals(recorded.Name, action.Name, StringComparison.OrdinalIgnoreCase))
            {
                NonDeterminism ??= $"Non-deterministic orchestration '{Name}' ({InstanceId}): history recorded {Describe(recorded)} as task #{id}, but the orchestrator now asked for {Describe(action)}.";
            }
        }
        else if (Replaying)
        {
            NonDeterminism ??= $"Non-deterministic orchestration '{Name}' ({InstanceId}): while replaying, the orchestrator asked for {Describe(action)} as task #{id}, which history does not record.";
        }
        else
        {
            _newEvents.Add(action);
        }

        var open = new OpenTask<T>(completionKind, displayName, id);
        if (completionKind is not null)
        {
            _open[id] = open;
        }
        else
        {
            open.Complete(new HistoryEvent { Kind = HistoryEventKind.TaskCompleted });
        }

        return open;
    }

    private static string Describe(HistoryEvent e) => e.Kind switch
    {
        HistoryEventKind.TaskScheduled => $"activity '{e.Name}'",
        HistoryEventKind.TimerCreated => "a timer",
        HistoryEventKind.SubOrchestrationCreated => $"sub-orchestration '{e.Name}'",
        HistoryEventKind.EventSent => $"sending event '{e.Name}'",
        _ => e.Kind.ToString(),
    };

    private abstract class OpenTask
    {
        public abstract bool Accepts(HistoryEventKind kind);

        public abstract void Complete(HistoryEvent completion);

        public abstract void Cancel();
    }

    private sealed class OpenTask<T>(HistoryEventKind? successKind, string name, int id) : OpenTask
    {
        private readonly TaskCompletionSource<T> _source = new();

        public Task<T> Task => _source.Task;

        public override bool Accepts(HistoryEventKind kind) => successKind switch
        {
            HistoryEventKind.TaskCompleted => kind is HistoryEventKind.TaskCompleted or HistoryEventKind.TaskFailed,
            HistoryEventKind.SubOrchestrationCompleted => kind is HistoryEventKind.SubOrchestrationCompleted or HistoryEventKind.SubOrchestrationFailed,
            HistoryEventKind.TimerFired => kind is HistoryEventKind.TimerFired,
            _ => false,
        };

        public override void Complete(HistoryEvent completion)
        {
            switch (completion.Kind)
            {
                case HistoryEventKind.TaskFailed or HistoryEventKind.SubOrchestrationFailed:
                    _source.TrySetException(new TaskFailedException(name, id, completion.Failure ?? new TaskFailureDetails("Unknown", "The task failed.")));
                    break;
                case HistoryEventKind.TimerFired:
                    _source.TrySetResult(default!);
                    break;
                default:
                    _source.TrySetResult(DurableJson.Deserialize<T>(completion.Data)!);
                    break;
            }
        }

        public override void Cancel() => _source.TrySetCanceled();
    }

    private abstract class EventWaiter
    {
        public abstract void Complete(string? data);

        public abstract void Cancel();
    }

    private sealed class EventWaiter<T> : EventWaiter
    {
        private readonly TaskCompletionSource<T> _source = new();

        public Task<T> Task => _source.Task;

        public override void Complete(string? data) => _source.TrySetResult(DurableJson.Deserialize<T>(data)!);

        public override void Cancel() => _source.TrySetCanceled();
    }
}
