using Microsoft.DurableTask;

namespace Ecf.Orchestrations.Gias;

/// <summary>
/// The nightly GIAS import. Prepare (keep the raw files, check headers, cut batches), then one activity per batch of rows
/// (file name + byte offset, never data), <see cref="Application.Gias.GiasImportPlan.BatchesPerGeneration"/> batches per generation
/// with ContinueAsNew in between, then the links. Progress is the custom status. A crash resumes from the history: finished
/// batches are not run again. A plan that fails its checks fails the run before any write.
/// </summary>
public sealed class GiasImportOrchestrator : TaskOrchestrator<GiasImportInput?, GiasImportOutput>
{
    public static readonly TaskOptions ActivityOptions = TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(5), 2.0));

    public override async Task<GiasImportOutput> RunAsync(TaskOrchestrationContext context, GiasImportInput? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        input ??= new GiasImportInput();
        var runAt = input.RunAt ?? new DateTimeOffset(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));
        var plan = input.Plan;
        if (plan is null)
        {
            context.SetCustomStatus(new GiasImportStatus("preparing", 0, 0, 0, 0, 0, 0));
            var prepared = await context.CallActivityAsync<GiasPrepareResult>(
                ActivityNames.GiasPrepareImport, new GiasPrepareInput(input.Extract, input.Links, DateOnly.FromDateTime(runAt.UtcDateTime)), ActivityOptions);
            plan = prepared.Plan ?? throw new InvalidOperationException(prepared.Error ?? "The import could not be prepared.");
        }

        var totals = input.Totals;
        var batchIndex = input.NextBatch;
        var generationEnd = Math.Min(plan.Batches.Count, batchIndex + plan.BatchesPerGeneration);
        for (; batchIndex < generationEnd; batchIndex++)
        {
            context.SetCustomStatus(Status("importing", plan.Rows, totals, batchIndex, plan.Batches.Count));
            var result = await context.CallActivityAsync<Application.Gias.GiasBatchResult>(
                ActivityNames.GiasImportBatch, new GiasBatchInput(plan.ExtractFile, plan.Batches[batchIndex], context.InstanceId, runAt), ActivityOptions);
            totals = totals.Add(result);
        }

        if (batchIndex < plan.Batches.Count)
        {
            context.SetCustomStatus(Status("importing", plan.Rows, totals, batchIndex, plan.Batches.Count));
            context.ContinueAsNew(input with { Plan = plan, NextBatch = batchIndex, RunAt = runAt, Totals = totals });
            return null!;
        }

        context.SetCustomStatus(Status("links", plan.Rows, totals, batchIndex, plan.Batches.Count));
        var links = await context.CallActivityAsync<Application.Gias.GiasLinksResult>(
            ActivityNames.GiasApplyLinks, new GiasLinksInput(plan.LinksFile, context.InstanceId, runAt), ActivityOptions);
        context.SetCustomStatus(Status("done", plan.Rows, totals, batchIndex, plan.Batches.Count));
        return new GiasImportOutput(plan.ExtractFile, plan.LinksFile, plan.Rows, totals.Read, totals.Created, totals.Updated, totals.Unchanged,
            totals.Written + links.Written, totals.RejectedCount, totals.Rejected, links);
    }

    private static GiasImportStatus Status(string phase, int rows, GiasImportTotals totals, int done, int batches) =>
        new(phase, rows, totals.Read, totals.Created + totals.Updated, totals.RejectedCount, done, batches);
}
