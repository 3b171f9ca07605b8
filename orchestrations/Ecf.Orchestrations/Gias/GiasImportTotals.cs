using Ecf.Application.Gias;

namespace Ecf.Orchestrations.Gias;

/// <summary>Counts summed over the batches done so far, and the rejected rows (the first <see cref="MaxListed"/>).</summary>
public sealed record GiasImportTotals
{
    public const int MaxListed = 1000;

    public int Read { get; init; }

    public int Created { get; init; }

    public int Updated { get; init; }

    public int Unchanged { get; init; }

    public int Written { get; init; }

    public int RejectedCount { get; init; }

    public IReadOnlyList<GiasRejectedRow> Rejected { get; init; } = [];

    public GiasImportTotals Add(GiasBatchResult batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new GiasImportTotals
        {
            Read = Read + batch.Read,
            Created = Created + batch.Created,
            Updated = Updated + batch.Updated,
            Unchanged = Unchanged + batch.Unchanged,
            Written = Written + batch.Written,
            RejectedCount = RejectedCount + batch.RejectedCount,
            Rejected = [.. Rejected, .. batch.Rejected.Take(Math.Max(0, MaxListed - Rejected.Count))],
        };
    }
}
