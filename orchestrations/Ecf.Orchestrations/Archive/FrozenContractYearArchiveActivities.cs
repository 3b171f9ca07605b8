using Ecf.Application.Archive;
using Microsoft.DurableTask;

namespace Ecf.Orchestrations.Archive;

/// <summary>Checks that the contract year is known and its payments frozen (<see cref="ArchiveFrozenContractYearHandler.CheckAsync"/>).</summary>
public sealed class FrozenContractYearCheckActivity(ArchiveFrozenContractYearHandler handler) : TaskActivity<int, FrozenContractYearCheckResult>
{
    public override async Task<FrozenContractYearCheckResult> RunAsync(TaskActivityContext context, int input) =>
        new(await handler.CheckAsync(input).ConfigureAwait(false));
}

/// <summary>Archives (or lists) one page of the year's people (<see cref="ArchiveFrozenContractYearHandler"/>).</summary>
public sealed class FrozenContractYearArchiveBatchActivity(ArchiveFrozenContractYearHandler handler) : TaskActivity<ArchiveBatchCommand, ArchiveBatchResult>
{
    public override Task<ArchiveBatchResult> RunAsync(TaskActivityContext context, ArchiveBatchCommand input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return handler.HandleAsync(input);
    }
}

public static class FrozenContractYearArchiveRegistration
{
    public static DurableTaskRegistry Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<FrozenContractYearArchiveOrchestrator>(OrchestrationNames.FrozenContractYearArchive)
            .AddActivity<FrozenContractYearCheckActivity>(ActivityNames.FrozenContractYearCheck)
            .AddActivity<FrozenContractYearArchiveBatchActivity>(ActivityNames.FrozenContractYearArchiveBatch);
    }
}
