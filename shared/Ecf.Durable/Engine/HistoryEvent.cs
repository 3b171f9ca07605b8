using System.Text.Json.Serialization;

namespace Ecf.Durable.Engine;

internal enum HistoryEventKind
{
    OrchestratorStarted,
    ExecutionStarted,
    TaskScheduled,
    TaskCompleted,
    TaskFailed,
    TimerCreated,
    TimerFired,
    SubOrchestrationCreated,
    SubOrchestrationCompleted,
    SubOrchestrationFailed,
    EventRaised,
    EventSent,
    ExecutionCompleted,
    ExecutionFailed,
    ExecutionTerminated,
    ContinuedAsNew,
}

/// <summary>
/// One recorded step of an execution. Schedule events (TaskScheduled, TimerCreated, SubOrchestrationCreated, EventSent) carry
/// the task id the orchestrator's n-th call got; completion events carry the same id and the id of the message they consumed.
/// </summary>
internal sealed record HistoryEvent
{
    public HistoryEventKind Kind { get; init; }

    public int? TaskId { get; init; }

    /// <summary>Activity, orchestrator or event name.</summary>
    public string? Name { get; init; }

    /// <summary>Input, result, output or event payload (JSON).</summary>
    public string? Data { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    public DateTime? FireAt { get; init; }

    /// <summary>The time of an episode (OrchestratorStarted): what <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/> returns.</summary>
    public DateTime? Timestamp { get; init; }

    /// <summary>The message this event consumed, so a redelivered message is recognised and dropped.</summary>
    public string? MessageId { get; init; }

    /// <summary>Child instance (SubOrchestrationCreated) or target instance (EventSent).</summary>
    public string? InstanceId { get; init; }

    [JsonIgnore]
    public bool IsSchedule => Kind is HistoryEventKind.TaskScheduled or HistoryEventKind.TimerCreated or HistoryEventKind.SubOrchestrationCreated or HistoryEventKind.EventSent;
}
