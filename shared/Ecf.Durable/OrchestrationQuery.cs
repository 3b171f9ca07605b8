namespace Ecf.Durable;

/// <summary>
/// A filter for <see cref="DurableTaskClient.GetAllInstancesAsync"/>; instances come oldest first, a page at a time.
/// <paramref name="TaskHubNames"/> is accepted for compatibility and ignored (one store is one task hub).
/// </summary>
public record OrchestrationQuery(
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    IEnumerable<OrchestrationRuntimeStatus>? Statuses = null,
    IEnumerable<string>? TaskHubNames = null,
    string? InstanceIdPrefix = null,
    int PageSize = OrchestrationQuery.DefaultPageSize,
    bool FetchInputsAndOutputs = false,
    string? ContinuationToken = null)
{
    public const int DefaultPageSize = 100;
}
