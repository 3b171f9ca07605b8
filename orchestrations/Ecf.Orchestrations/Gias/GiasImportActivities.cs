using Ecf.Application.Gias;
using Microsoft.DurableTask;

namespace Ecf.Orchestrations.Gias;

/// <summary>Keeps the raw files, checks headers and cuts the extract into batches.</summary>
public sealed class GiasPrepareImportActivity(PrepareGiasImportHandler handler) : TaskActivity<GiasPrepareInput, GiasPrepareResult>
{
    public override async Task<GiasPrepareResult> RunAsync(TaskActivityContext context, GiasPrepareInput input) =>
        (await handler.HandleAsync(new PrepareGiasImportCommand(input.Extract, input.Links, input.RunDate))).Match(
            plan => new GiasPrepareResult(plan, null),
            errors => new GiasPrepareResult(null, string.Join(" ", errors.Select(e => e.Detail))));
}

/// <summary>Imports one batch of rows.</summary>
public sealed class GiasImportBatchActivity(ImportGiasBatchHandler handler) : TaskActivity<GiasBatchInput, GiasBatchResult>
{
    public override Task<GiasBatchResult> RunAsync(TaskActivityContext context, GiasBatchInput input) =>
        handler.HandleAsync(new ImportGiasBatchCommand(input.ExtractFile, input.Batch, input.CorrelationId, input.At));
}

/// <summary>Applies successor links (academisation, merges).</summary>
public sealed class GiasApplyLinksActivity(ApplyGiasLinksHandler handler) : TaskActivity<GiasLinksInput, GiasLinksResult>
{
    public override Task<GiasLinksResult> RunAsync(TaskActivityContext context, GiasLinksInput input) =>
        handler.HandleAsync(new ApplyGiasLinksCommand(input.LinksFile, input.CorrelationId, input.At));
}
