namespace Ecf.Durable;

/// <summary>Options of a sub-orchestration call: retry and the child's instance id (default: derived from the parent's id and the call).</summary>
public record SubOrchestrationOptions : TaskOptions
{
    public SubOrchestrationOptions(TaskRetryOptions? retry = null, string? instanceId = null)
        : base(retry)
    {
        InstanceId = instanceId;
    }

    public SubOrchestrationOptions(TaskOptions options, string? instanceId = null)
        : base(options ?? throw new ArgumentNullException(nameof(options)))
    {
        InstanceId = instanceId;
    }

    public string? InstanceId { get; init; }
}
