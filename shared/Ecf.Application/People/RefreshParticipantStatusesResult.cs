namespace Ecf.Application.People;

/// <summary>What one batch of the daily status refresh did.</summary>
/// <param name="Read">People read as due.</param>
/// <param name="Refreshed">People written (statuses recomputed, a timeline event each participation refreshed).</param>
/// <param name="Unchanged">People found due but with nothing to write (already refreshed by a concurrent writer).</param>
/// <param name="Failures">People that could not be refreshed, with why (left as they are; the run goes on).</param>
/// <param name="Continuation">Where the next batch starts; null when this was the last page.</param>
public sealed record RefreshParticipantStatusesResult(int Read, int Refreshed, int Unchanged, IReadOnlyList<string> Failures, string? Continuation);
