using Ecf.Application.People;
using Microsoft.DurableTask;

namespace Ecf.Orchestrations.Statuses;

/// <summary>Refreshes one page of the people due (<see cref="RefreshParticipantStatusesHandler"/>).</summary>
public sealed class ParticipantStatusRefreshBatchActivity(RefreshParticipantStatusesHandler handler) : TaskActivity<ParticipantStatusRefreshBatchInput, RefreshParticipantStatusesResult>
{
    public override Task<RefreshParticipantStatusesResult> RunAsync(TaskActivityContext context, ParticipantStatusRefreshBatchInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return handler.HandleAsync(new RefreshParticipantStatusesCommand(input.Continuation, input.PageSize, input.CorrelationId));
    }
}
