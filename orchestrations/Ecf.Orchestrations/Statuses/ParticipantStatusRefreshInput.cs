using Ecf.Application.People;

namespace Ecf.Orchestrations.Statuses;

/// <summary>
/// The input of <c>ParticipantStatusRefresh</c>: the body of <c>POST /api/orchestrations/ParticipantStatusRefresh</c> (all optional),
/// plus the state carried across ContinueAsNew generations.
/// </summary>
/// <param name="PageSize">People per batch (one activity each), 1 to 1,000; default 500.</param>
/// <param name="BatchesPerGeneration">Batches before the history is cut with ContinueAsNew; default 20.</param>
public sealed record ParticipantStatusRefreshInput(int? PageSize = null, int? BatchesPerGeneration = null)
{
    public const int DefaultPageSize = 500;
    public const int DefaultBatchesPerGeneration = 20;

    /// <summary>What may be given from outside: the two sizes, not the state carried across generations.</summary>
    public static InputShape Shape { get; } = new(
        InputField.WholeNumber("pageSize", 1, RefreshParticipantStatusesHandler.MaxPageSize, orNull: true),
        InputField.WholeNumber("batchesPerGeneration", 1, int.MaxValue, orNull: true));

    /// <summary>Where the next batch starts (set after the first generation).</summary>
    public string? Continuation { get; init; }

    /// <summary>Set once a generation has run: the last page was read.</summary>
    public bool Started { get; init; }

    public ParticipantStatusRefreshTotals Totals { get; init; } = new();
}
