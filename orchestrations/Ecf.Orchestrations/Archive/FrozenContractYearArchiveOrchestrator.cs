using Ecf.Application.Archive;
using Microsoft.DurableTask;

namespace Ecf.Orchestrations.Archive;

/// <summary>
/// Archives the undeclared participants of a payments-frozen contract year (docs/domain.md#archiving, ADR 0014), or, in a dry run
/// (the default), lists them. Checks the year first (unknown or not frozen: the run fails before any write), then one activity
/// per page of the year's people, ECTs then mentors, then (real runs) the year's archive documents, following each query's
/// continuation, <see cref="FrozenContractYearArchiveInput.BatchesPerGeneration"/> batches per generation with ContinueAsNew in
/// between. Progress is the custom status. A crash resumes from the history: finished batches are not run again, and an archived
/// person has left the query, so a re-run archives nobody twice.
/// </summary>
public sealed class FrozenContractYearArchiveOrchestrator : TaskOrchestrator<FrozenContractYearArchiveInput?, FrozenContractYearArchiveOutput>
{
    public static readonly TaskOptions ActivityOptions = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(5), 2.0));

    public override async Task<FrozenContractYearArchiveOutput> RunAsync(TaskOrchestrationContext context, FrozenContractYearArchiveInput? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        input ??= new FrozenContractYearArchiveInput();
        if (input.ContractYear is not { } year)
        {
            throw new ArgumentException("contract_year is required: the payments-frozen contract year to archive, e.g. {\"contract_year\": 2022}.", nameof(input));
        }

        var dryRun = input.DryRun ?? true;
        var pageSize = input.PageSize ?? FrozenContractYearArchiveInput.DefaultPageSize;
        var perGeneration = input.BatchesPerGeneration ?? FrozenContractYearArchiveInput.DefaultBatchesPerGeneration;
        if (pageSize is < 1 or > ArchiveFrozenContractYearHandler.MaxPageSize)
        {
            throw new ArgumentException($"page_size must be between 1 and {ArchiveFrozenContractYearHandler.MaxPageSize}; it was {pageSize}.", nameof(input));
        }

        if (perGeneration < 1)
        {
            throw new ArgumentException($"batchesPerGeneration must be at least 1; it was {perGeneration}.", nameof(input));
        }

        var totals = input.Totals;
        if (!input.Checked)
        {
            context.SetCustomStatus(Status("checking", year, dryRun, totals));
            var check = await context.CallActivityAsync<FrozenContractYearCheckResult>(ActivityNames.FrozenContractYearCheck, year, ActivityOptions);
            if (check.Error is { } error)
            {
                throw new ArgumentException(error, nameof(input));
            }
        }

        string[] phases = dryRun ? [ArchivePhases.Ects, ArchivePhases.Mentors] : [ArchivePhases.Ects, ArchivePhases.Mentors, ArchivePhases.Finish];
        var phase = Array.IndexOf(phases, input.Phase ?? phases[0]);
        var continuation = input.Continuation;
        for (var batch = 0; phase < phases.Length && batch < perGeneration; batch++)
        {
            context.SetCustomStatus(Status(phases[phase], year, dryRun, totals));
            var result = await context.CallActivityAsync<ArchiveBatchResult>(
                ActivityNames.FrozenContractYearArchiveBatch, new ArchiveBatchCommand(year, phases[phase], continuation, pageSize, dryRun, context.InstanceId), ActivityOptions);
            totals = totals.Add(result);
            continuation = result.Continuation;
            if (continuation is null)
            {
                phase++;
            }
        }

        if (phase < phases.Length)
        {
            context.SetCustomStatus(Status(phases[phase], year, dryRun, totals));
            context.ContinueAsNew(input with
            {
                DryRun = dryRun,
                PageSize = pageSize,
                BatchesPerGeneration = perGeneration,
                Checked = true,
                Phase = phases[phase],
                Continuation = continuation,
                Totals = totals,
            });
            return null!;
        }

        context.SetCustomStatus(Status("done", year, dryRun, totals));
        return new FrozenContractYearArchiveOutput(
            year,
            dryRun,
            totals.Examined,
            dryRun ? 0 : totals.Candidates,
            dryRun ? totals.Candidates : 0,
            totals.Skipped,
            totals.Batches,
            totals.Finished,
            [.. totals.Listed.Select(c => c.PersonId)],
            totals.Listed,
            totals.SkippedListed);
    }

    private static FrozenContractYearArchiveStatus Status(string phase, int year, bool dryRun, FrozenContractYearArchiveTotals totals) =>
        new(phase, year, dryRun, totals.Batches, totals.Examined, totals.Candidates, totals.Skipped);
}
