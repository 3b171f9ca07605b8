using Ecf.Application.Archive;
using Ecf.Application.Gias;
using Ecf.Application.People;
using Ecf.Orchestrations;
using Ecf.Orchestrations.Archive;
using Ecf.Orchestrations.Diagnostics;
using Ecf.Orchestrations.Gias;
using Ecf.Orchestrations.Statuses;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Ecf.Functions.AzureFunctions;

/// <summary>
/// Every orchestrator and activity of Ecf.Orchestrations as a Durable Functions function, by its registered name: each
/// wrapper runs the class-based <see cref="TaskOrchestrator{TInput, TOutput}"/> or <see cref="TaskActivity{TInput, TOutput}"/>
/// the local host registers (<see cref="EcfOrchestrations.Register"/>). Activities are created from the invocation's services.
/// </summary>
public static class DurableFunctions
{
    // Diagnostics
    [Function(OrchestrationNames.Ping)]
    public static Task<PingOutput> Ping([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new PingOrchestrator().RunAsync(context, context.GetInput<PingInput?>());
    }

    [Function(ActivityNames.Echo)]
    public static Task<string> Echo([ActivityTrigger] EchoInput input, string instanceId, FunctionContext functionContext) =>
        RunActivityAsync<EchoActivity, EchoInput, string>(ActivityNames.Echo, input, instanceId, functionContext);

    // GIAS import
    [Function(OrchestrationNames.GiasImport)]
    public static Task<GiasImportOutput> GiasImport([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new GiasImportOrchestrator().RunAsync(context, context.GetInput<GiasImportInput?>());
    }

    [Function(ActivityNames.GiasPrepareImport)]
    public static Task<GiasPrepareResult> GiasPrepareImport([ActivityTrigger] GiasPrepareInput input, string instanceId, FunctionContext functionContext) =>
        RunActivityAsync<GiasPrepareImportActivity, GiasPrepareInput, GiasPrepareResult>(ActivityNames.GiasPrepareImport, input, instanceId, functionContext);

    [Function(ActivityNames.GiasImportBatch)]
    public static Task<GiasBatchResult> GiasImportBatch([ActivityTrigger] GiasBatchInput input, string instanceId, FunctionContext functionContext) =>
        RunActivityAsync<GiasImportBatchActivity, GiasBatchInput, GiasBatchResult>(ActivityNames.GiasImportBatch, input, instanceId, functionContext);

    [Function(ActivityNames.GiasApplyLinks)]
    public static Task<GiasLinksResult> GiasApplyLinks([ActivityTrigger] GiasLinksInput input, string instanceId, FunctionContext functionContext) =>
        RunActivityAsync<GiasApplyLinksActivity, GiasLinksInput, GiasLinksResult>(ActivityNames.GiasApplyLinks, input, instanceId, functionContext);

    // Participant statuses
    [Function(OrchestrationNames.ParticipantStatusRefresh)]
    public static Task<ParticipantStatusRefreshOutput> ParticipantStatusRefresh([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ParticipantStatusRefreshOrchestrator().RunAsync(context, context.GetInput<ParticipantStatusRefreshInput?>());
    }

    [Function(ActivityNames.ParticipantStatusRefreshBatch)]
    public static Task<RefreshParticipantStatusesResult> ParticipantStatusRefreshBatch(
        [ActivityTrigger] ParticipantStatusRefreshBatchInput input, string instanceId, FunctionContext functionContext) =>
        RunActivityAsync<ParticipantStatusRefreshBatchActivity, ParticipantStatusRefreshBatchInput, RefreshParticipantStatusesResult>(
            ActivityNames.ParticipantStatusRefreshBatch, input, instanceId, functionContext);

    // Archive
    [Function(OrchestrationNames.FrozenContractYearArchive)]
    public static Task<FrozenContractYearArchiveOutput> FrozenContractYearArchive([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new FrozenContractYearArchiveOrchestrator().RunAsync(context, context.GetInput<FrozenContractYearArchiveInput?>());
    }

    [Function(ActivityNames.FrozenContractYearCheck)]
    public static Task<FrozenContractYearCheckResult> FrozenContractYearCheck([ActivityTrigger] int input, string instanceId, FunctionContext functionContext) =>
        RunActivityAsync<FrozenContractYearCheckActivity, int, FrozenContractYearCheckResult>(ActivityNames.FrozenContractYearCheck, input, instanceId, functionContext);

    [Function(ActivityNames.FrozenContractYearArchiveBatch)]
    public static Task<ArchiveBatchResult> FrozenContractYearArchiveBatch([ActivityTrigger] ArchiveBatchCommand input, string instanceId, FunctionContext functionContext) =>
        RunActivityAsync<FrozenContractYearArchiveBatchActivity, ArchiveBatchCommand, ArchiveBatchResult>(ActivityNames.FrozenContractYearArchiveBatch, input, instanceId, functionContext);

    /// <summary>Creates the activity from the invocation's services and runs it, as the local worker does.</summary>
    public static Task<TOutput> RunActivityAsync<TActivity, TInput, TOutput>(string name, TInput input, string instanceId, FunctionContext functionContext)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(functionContext);
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(functionContext.InstanceServices);
        return activity.RunAsync(new FunctionActivityContext(name, instanceId), input);
    }

    private sealed class FunctionActivityContext(string name, string instanceId) : TaskActivityContext
    {
        public override TaskName Name { get; } = name;

        public override string InstanceId { get; } = instanceId;
    }
}
