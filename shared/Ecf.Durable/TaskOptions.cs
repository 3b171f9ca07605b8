namespace Ecf.Durable;

/// <summary>Options of one activity or sub-orchestration call.</summary>
public record TaskOptions
{
    public TaskOptions(TaskRetryOptions? retry = null)
    {
        Retry = retry;
    }

    public TaskRetryOptions? Retry { get; init; }

    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(new TaskRetryOptions(policy));

    /// <summary>These options for a sub-orchestration with the given instance id.</summary>
    public SubOrchestrationOptions WithInstanceId(string? instanceId = null) => new(this, instanceId);
}
