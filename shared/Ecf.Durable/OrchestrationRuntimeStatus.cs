namespace Ecf.Durable;

/// <summary>The runtime status of an orchestration instance (same values as Microsoft.DurableTask; Canceled and Suspended are not used).</summary>
public enum OrchestrationRuntimeStatus
{
    Running = 0,
    Completed = 1,
    ContinuedAsNew = 2,
    Failed = 3,
    Terminated = 5,
    Pending = 6,
}
