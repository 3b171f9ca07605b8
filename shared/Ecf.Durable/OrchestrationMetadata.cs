namespace Ecf.Durable;

/// <summary>The state of an orchestration instance as the client sees it.</summary>
public sealed class OrchestrationMetadata
{
    public OrchestrationMetadata(string name, string instanceId)
    {
        Name = name;
        InstanceId = instanceId;
    }

    public string Name { get; }

    public string InstanceId { get; }

    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>JSON of the input; null unless inputs and outputs were asked for.</summary>
    public string? SerializedInput { get; init; }

    /// <summary>JSON of the output (for Terminated: the reason); null unless inputs and outputs were asked for.</summary>
    public string? SerializedOutput { get; init; }

    public string? SerializedCustomStatus { get; init; }

    public TaskFailureDetails? FailureDetails { get; init; }

    public bool IsRunning => RuntimeStatus == OrchestrationRuntimeStatus.Running;

    public bool IsCompleted => RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    public T? ReadInputAs<T>() => DurableJson.Deserialize<T>(SerializedInput);

    public T? ReadOutputAs<T>() => DurableJson.Deserialize<T>(SerializedOutput);

    public T? ReadCustomStatusAs<T>() => DurableJson.Deserialize<T>(SerializedCustomStatus);
}
