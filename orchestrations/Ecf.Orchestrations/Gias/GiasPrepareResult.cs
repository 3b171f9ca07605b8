using Ecf.Application.Gias;

namespace Ecf.Orchestrations.Gias;

/// <summary>The prepare activity's result: a plan, or why the run must stop before any write.</summary>
public sealed record GiasPrepareResult(GiasImportPlan? Plan, string? Error);

public sealed record GiasPrepareInput(string? Extract, string? Links, DateOnly RunDate);

public sealed record GiasBatchInput(string ExtractFile, GiasBatchRange Batch, string CorrelationId, DateTimeOffset At);

public sealed record GiasLinksInput(string LinksFile, string CorrelationId, DateTimeOffset At);
