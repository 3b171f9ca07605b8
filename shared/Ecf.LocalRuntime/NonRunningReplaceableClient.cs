using DurableTask.Core;
using DurableTask.Core.Query;

namespace Ecf.LocalRuntime;

/// <summary>
/// The orchestration service client the sidecar uses, with one rule added: a start with an instance id that is pending,
/// running, suspended or continuing as new is refused (the client sees the gRPC status AlreadyExists); a finished instance
/// (completed, failed, terminated) is replaced, as before. This is Durable Functions' <c>overridableExistingInstanceStates:
/// NonRunningStates</c>. Without it a start replaces a running instance: the sidecar turns every dedupe status the client
/// sends into terminal ones, so a client cannot ask for this itself. Everything else goes to the backend unchanged.
/// </summary>
internal sealed class NonRunningReplaceableClient<TClient>(TClient inner)
    : IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
    where TClient : IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
{
    /// <summary>The statuses of an instance that has not finished.</summary>
    public static IReadOnlyList<OrchestrationStatus> Unfinished { get; } =
    [
        OrchestrationStatus.Pending, OrchestrationStatus.Running, OrchestrationStatus.Suspended, OrchestrationStatus.ContinuedAsNew,
    ];

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) =>
        inner.CreateTaskOrchestrationAsync(creationMessage, [.. Unfinished]);

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses) =>
        inner.CreateTaskOrchestrationAsync(creationMessage, [.. (dedupeStatuses ?? []).Union(Unfinished)]);

    public Task SendTaskOrchestrationMessageAsync(TaskMessage message) => inner.SendTaskOrchestrationMessageAsync(message);

    public Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages) => inner.SendTaskOrchestrationMessageBatchAsync(messages);

    public Task<OrchestrationState> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout,
        CancellationToken cancellationToken) =>
        inner.WaitForOrchestrationAsync(instanceId, executionId, timeout, cancellationToken);

    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) =>
        inner.ForceTerminateTaskOrchestrationAsync(instanceId, reason);

    public Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) =>
        inner.GetOrchestrationStateAsync(instanceId, allExecutions);

    public Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string executionId) =>
        inner.GetOrchestrationStateAsync(instanceId, executionId);

    public Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId) =>
        inner.GetOrchestrationHistoryAsync(instanceId, executionId);

    public Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) =>
        inner.PurgeOrchestrationHistoryAsync(thresholdDateTimeUtc, timeRangeFilterType);

    public Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(OrchestrationQuery query, CancellationToken cancellationToken) =>
        inner.GetOrchestrationWithQueryAsync(query, cancellationToken);

    public Task<PurgeResult> PurgeInstanceStateAsync(string instanceId) => inner.PurgeInstanceStateAsync(instanceId);

    public Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter) => inner.PurgeInstanceStateAsync(purgeInstanceFilter);
}
