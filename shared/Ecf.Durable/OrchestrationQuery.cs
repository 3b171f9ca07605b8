namespace Ecf.Durable;

/// <summary>A filter for <see cref="DurableTaskClient.GetAllInstancesAsync"/>; instances come newest-created last, a page at a time.</summary>
public record OrchestrationQuery(
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    IEnumerable<OrchestrationRuntimeStatus>? Statuses = null,
    int PageSize = OrchestrationQuery.DefaultPageSize,
    bool FetchInputsAndOutputs = false,
    string? ContinuationToken = null)
{
    public const int DefaultPageSize = 100;
}
