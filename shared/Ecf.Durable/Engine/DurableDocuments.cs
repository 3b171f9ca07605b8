using System.Text.Json.Serialization;

namespace Ecf.Durable.Engine;

/// <summary>Document types of the workflows container (property <c>type</c>).</summary>
internal static class DocTypes
{
    public const string Instance = "instance";
    public const string History = "history";
    public const string Message = "message";
    public const string Activity = "activity";
    public const string Lease = "lease";
    public const string Index = "index";
}

internal sealed record ParentRef(string Name, string InstanceId, string ExecutionId, int TaskId);

/// <summary>The instance document, id <c>instance</c> in partition instanceId.</summary>
internal sealed record InstanceDocument
{
    public string Id { get; init; } = InstanceIds.InstanceDocId;

    public required string InstanceId { get; init; }

    public string Type { get; init; } = DocTypes.Instance;

    public required string Name { get; init; }

    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    public required string ExecutionId { get; init; }

    public string? Input { get; init; }

    public string? Output { get; init; }

    public string? CustomStatus { get; init; }

    public TaskFailureDetails? FailureDetails { get; init; }

    public DateTimeOffset CreatedTime { get; init; }

    public DateTimeOffset LastUpdatedTime { get; init; }

    /// <summary>History chunks of the current execution: ids h:{executionId}:{0..chunkCount-1}.</summary>
    public int ChunkCount { get; init; }

    public int EventCount { get; init; }

    /// <summary>Executions so far (ContinueAsNew increments it).</summary>
    public int Generation { get; init; }

    public ParentRef? Parent { get; init; }

    [JsonIgnore]
    public bool IsTerminal => RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}

/// <summary>The events one episode appended: id <c>h:{executionId}:{chunk:D8}</c>; creating it is the commit's fence.</summary>
internal sealed record HistoryChunkDocument
{
    public required string Id { get; init; }

    public required string InstanceId { get; init; }

    public string Type { get; init; } = DocTypes.History;

    public required string ExecutionId { get; init; }

    public int Chunk { get; init; }

    public required IReadOnlyList<HistoryEvent> Events { get; init; }
}

internal enum MessageKind
{
    Start,
    TaskCompleted,
    TaskFailed,
    TimerFired,
    SubOrchestrationCompleted,
    SubOrchestrationFailed,
    EventRaised,
    Terminate,
}

/// <summary>A message to an orchestration instance, in the target's shard partition; deterministic id <c>m:{target}:...</c>.</summary>
internal sealed record MessageDocument
{
    public required string Id { get; init; }

    /// <summary>The shard partition.</summary>
    public required string InstanceId { get; init; }

    public string Type { get; init; } = DocTypes.Message;

    public required string Target { get; init; }

    /// <summary>The target execution; null for raised events and terminate (they go to whichever execution runs).</summary>
    public string? ExecutionId { get; init; }

    public MessageKind Kind { get; init; }

    public int? TaskId { get; init; }

    public string? Name { get; init; }

    public string? Data { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    /// <summary>Unix milliseconds from which the message may be delivered (timers, delayed starts).</summary>
    public long VisibleAt { get; init; }

    public ParentRef? Parent { get; init; }

    public int Generation { get; init; }

    public DateTimeOffset? CreatedTime { get; init; }
}

/// <summary>An activity to run, in the orchestration's shard partition: id <c>a:{instance}:{execution}:{taskId}</c>.</summary>
internal sealed record WorkItemDocument
{
    public required string Id { get; init; }

    public required string InstanceId { get; init; }

    public string Type { get; init; } = DocTypes.Activity;

    public required string Target { get; init; }

    public required string ExecutionId { get; init; }

    public int TaskId { get; init; }

    public required string Name { get; init; }

    public string? Input { get; init; }

    public int Attempts { get; init; }

    public string? LeaseOwner { get; init; }

    /// <summary>Unix milliseconds until which <see cref="LeaseOwner"/> owns it; 0 when never claimed.</summary>
    public long LeaseUntil { get; init; }
}

/// <summary>The lease on an instance's episodes, in its shard partition: id <c>l:{instance}</c>; deleted when an episode commits.</summary>
internal sealed record LeaseDocument
{
    public required string Id { get; init; }

    public required string InstanceId { get; init; }

    public string Type { get; init; } = DocTypes.Lease;

    public required string Target { get; init; }

    public required string Owner { get; init; }

    public long LeaseUntil { get; init; }

    /// <summary>Claims since the last successful commit.</summary>
    public int Attempts { get; init; }
}

/// <summary>A listing entry in partition <c>~index</c> (id = instance id), so listing is a single-partition query on Cosmos too.</summary>
internal sealed record IndexDocument
{
    public required string Id { get; init; }

    public string InstanceId { get; init; } = InstanceIds.IndexPartition;

    public string Type { get; init; } = DocTypes.Index;

    public required string Target { get; init; }

    public required string Name { get; init; }

    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    /// <summary>Unix milliseconds.</summary>
    public long CreatedTime { get; init; }
}
