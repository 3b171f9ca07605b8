using Microsoft.DurableTask;

namespace Ecf.Orchestrations.Statuses;

public static class ParticipantStatusRefreshRegistration
{
    public static DurableTaskRegistry Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<ParticipantStatusRefreshOrchestrator>(OrchestrationNames.ParticipantStatusRefresh)
            .AddActivity<ParticipantStatusRefreshBatchActivity>(ActivityNames.ParticipantStatusRefreshBatch);
    }
}
