namespace Ecf.Orchestrations.Statuses;

/// <summary>One batch: where it starts, how many people, and the run's id (the correlation id of the events written).</summary>
public sealed record ParticipantStatusRefreshBatchInput(string? Continuation, int PageSize, string CorrelationId);
