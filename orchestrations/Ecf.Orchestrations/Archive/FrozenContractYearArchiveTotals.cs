using Ecf.Application.Archive;

namespace Ecf.Orchestrations.Archive;

/// <summary>Counts summed over the batches done so far, and the people listed (the first <see cref="MaxListed"/> of each list).</summary>
public sealed record FrozenContractYearArchiveTotals
{
    public const int MaxListed = 1000;

    public int Batches { get; init; }

    public int Examined { get; init; }

    public int Candidates { get; init; }

    public int Skipped { get; init; }

    public int Finished { get; init; }

    public IReadOnlyList<ArchiveCandidate> Listed { get; init; } = [];

    public IReadOnlyList<ArchiveSkip> SkippedListed { get; init; } = [];

    public FrozenContractYearArchiveTotals Add(ArchiveBatchResult batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new FrozenContractYearArchiveTotals
        {
            Batches = Batches + 1,
            Examined = Examined + batch.Examined,
            Candidates = Candidates + batch.Candidates.Count,
            Skipped = Skipped + batch.Skipped.Count,
            Finished = Finished + batch.Finished,
            Listed = [.. Listed, .. batch.Candidates.Take(Math.Max(0, MaxListed - Listed.Count))],
            SkippedListed = [.. SkippedListed, .. batch.Skipped.Take(Math.Max(0, MaxListed - SkippedListed.Count))],
        };
    }
}
