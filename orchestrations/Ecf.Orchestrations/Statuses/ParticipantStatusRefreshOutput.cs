namespace Ecf.Orchestrations.Statuses;

/// <summary>The refresh's output: batches run, people read as due, refreshed, found unchanged, failed (and the first failures).</summary>
public sealed record ParticipantStatusRefreshOutput(int Batches, int Read, int Refreshed, int Unchanged, int FailedCount, IReadOnlyList<string> Failures);
