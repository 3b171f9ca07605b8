using Ecf.Application.People;

namespace Ecf.Orchestrations.Statuses;

/// <summary>Counts summed over the batches done so far, and the failures (the first <see cref="MaxListed"/>).</summary>
public sealed record ParticipantStatusRefreshTotals
{
    public const int MaxListed = 200;

    public int Batches { get; init; }

    public int Read { get; init; }

    public int Refreshed { get; init; }

    public int Unchanged { get; init; }

    public int FailedCount { get; init; }

    public IReadOnlyList<string> Failures { get; init; } = [];

    public ParticipantStatusRefreshTotals Add(RefreshParticipantStatusesResult batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new ParticipantStatusRefreshTotals
        {
            Batches = Batches + 1,
            Read = Read + batch.Read,
            Refreshed = Refreshed + batch.Refreshed,
            Unchanged = Unchanged + batch.Unchanged,
            FailedCount = FailedCount + batch.Failures.Count,
            Failures = [.. Failures, .. batch.Failures.Take(Math.Max(0, MaxListed - Failures.Count))],
        };
    }
}
