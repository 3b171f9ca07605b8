using Ecf.Application.Gias;

namespace Ecf.Orchestrations.Gias;

/// <summary>
/// The orchestration's input: the body of <c>POST /api/orchestrations/GiasImport</c> (<c>extract</c>, <c>links</c>: a path or
/// http(s) URL; omitted: the configured defaults), plus the state carried across ContinueAsNew generations.
/// </summary>
public sealed record GiasImportInput(string? Extract = null, string? Links = null)
{
    public const int MaxLocationLength = 2048;

    /// <summary>What may be given from outside: the two locations, not the state carried across generations.</summary>
    public static InputShape Shape { get; } = new(InputField.Text("extract", MaxLocationLength), InputField.Text("links", MaxLocationLength));

    /// <summary>Set after the first generation: the prepared plan.</summary>
    public GiasImportPlan? Plan { get; init; }

    /// <summary>The index of the next batch to run.</summary>
    public int NextBatch { get; init; }

    /// <summary>The run's time (taken once, from the orchestration clock, in the first generation).</summary>
    public DateTimeOffset? RunAt { get; init; }

    public GiasImportTotals Totals { get; init; } = new();
}
