using Ecf.Application.People;
using Microsoft.DurableTask;

namespace Ecf.Orchestrations.Statuses;

/// <summary>
/// The daily refresh of date-driven statuses (<c>joining</c> → <c>active</c>, <c>leaving</c> → <c>left</c>, transfers
/// <c>incomplete</c> → <c>complete</c>). One activity per page of the people due (an indexed cross-partition query on the
/// stored next change date), following the query's continuation, <see cref="ParticipantStatusRefreshInput.BatchesPerGeneration"/>
/// batches per generation with ContinueAsNew in between. A crash resumes from the history; a rerun the same day writes nothing.
/// Bad input fails the run before any write.
/// </summary>
public sealed class ParticipantStatusRefreshOrchestrator : TaskOrchestrator<ParticipantStatusRefreshInput?, ParticipantStatusRefreshOutput>
{
    public static readonly TaskOptions ActivityOptions = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(5), 2.0));

    public override async Task<ParticipantStatusRefreshOutput> RunAsync(TaskOrchestrationContext context, ParticipantStatusRefreshInput? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        input ??= new ParticipantStatusRefreshInput();
        var pageSize = input.PageSize ?? ParticipantStatusRefreshInput.DefaultPageSize;
        var perGeneration = input.BatchesPerGeneration ?? ParticipantStatusRefreshInput.DefaultBatchesPerGeneration;
        if (pageSize is < 1 or > RefreshParticipantStatusesHandler.MaxPageSize)
        {
            throw new ArgumentException($"pageSize must be between 1 and {RefreshParticipantStatusesHandler.MaxPageSize}; it was {pageSize}.", nameof(input));
        }

        if (perGeneration < 1)
        {
            throw new ArgumentException($"batchesPerGeneration must be at least 1; it was {perGeneration}.", nameof(input));
        }

        var totals = input.Totals;
        var continuation = input.Continuation;
        var more = !input.Started || continuation is not null;
        for (var batch = 0; more && batch < perGeneration; batch++)
        {
            context.SetCustomStatus(Status("refreshing", totals));
            var result = await context.CallActivityAsync<RefreshParticipantStatusesResult>(
                ActivityNames.ParticipantStatusRefreshBatch, new ParticipantStatusRefreshBatchInput(continuation, pageSize, context.InstanceId), ActivityOptions);
            totals = totals.Add(result);
            continuation = result.Continuation;
            more = continuation is not null;
        }

        if (more)
        {
            context.SetCustomStatus(Status("refreshing", totals));
            context.ContinueAsNew(input with { PageSize = pageSize, BatchesPerGeneration = perGeneration, Continuation = continuation, Started = true, Totals = totals });
            return null!;
        }

        context.SetCustomStatus(Status("done", totals));
        return new ParticipantStatusRefreshOutput(totals.Batches, totals.Read, totals.Refreshed, totals.Unchanged, totals.FailedCount, totals.Failures);
    }

    private static ParticipantStatusRefreshStatus Status(string phase, ParticipantStatusRefreshTotals totals) =>
        new(phase, totals.Batches, totals.Read, totals.Refreshed, totals.FailedCount);
}
