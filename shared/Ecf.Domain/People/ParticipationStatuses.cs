namespace Ecf.Domain.People;

/// <summary>
/// Statuses stored on every write (docs/domain.md#statuses), as of <see cref="AsOf"/>: the latest training period's
/// <see cref="TrainingStatus"/>, the derived <see cref="ParticipantStatus"/> and <see cref="EligibleForFunding"/>
/// (null while eligibility needs a manual check). Date-driven moves (joining → active, leaving → left) are refreshed by a daily job.
/// </summary>
public sealed record ParticipationStatuses(string TrainingStatus, string ParticipantStatus, bool? EligibleForFunding, DateOnly AsOf);
