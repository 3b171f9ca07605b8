using Ecf.Domain.Partnerships;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;

namespace Ecf.Domain.ParticipantActions;

/// <summary>A v3 <c>change-schedule</c> as sent: every attribute as text (null when absent).</summary>
/// <param name="AttemptToTransferLeavingBillableDeclarations">The frozen-year move flag; refused on the lead provider API.</param>
public sealed record ChangeScheduleRequest(string? ScheduleIdentifier, string? CourseIdentifier, string? Cohort, bool AttemptToTransferLeavingBillableDeclarations = false);

/// <summary>An admin's move of a participation between a payments-frozen contract year and the active registration year.</summary>
/// <param name="ContractYear">The target contract year as sent.</param>
/// <param name="ScheduleIdentifier">The new training period's schedule; by default <c>ecf-extended-september</c> moving out, the original schedule moving back.</param>
public sealed record ContractYearMoveRequest(string? ContractYear, bool AttemptToTransferLeavingBillableDeclarations, string? ScheduleIdentifier = null);

/// <summary>
/// What the action rules read besides the person: now, the lead provider acting (for an admin's move, the participation's own),
/// reference data, the partnerships challenged since, and the school's active partnership with the provider in each contract
/// year the action may move the participant to (<see cref="ProviderPartnerships"/>, by year).
/// </summary>
public sealed record ParticipantActionFacts(
    DateTimeOffset Now,
    Guid LeadProviderId,
    IReadOnlyList<ContractPeriod> ContractPeriods,
    IReadOnlyList<Schedule> Schedules,
    IReadOnlySet<string> NpqScheduleIdentifiers,
    IReadOnlySet<string> ChallengedPartnerships,
    IReadOnlyDictionary<int, Partnership> ProviderPartnerships)
{
    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public ContractPeriod? ContractPeriod(int year) => ContractPeriods.FirstOrDefault(p => p.Year == year);

    public bool PaymentsFrozen(int year) => ContractPeriod(year)?.PaymentsFrozen(Now) == true;

    public Schedule? Schedule(int contractYear, string? identifier) =>
        identifier is null ? null : Schedules.FirstOrDefault(s => s.ContractYear == contractYear && string.Equals(s.Identifier, identifier, StringComparison.Ordinal));

    /// <summary>True when <paramref name="period"/> is this provider's and not through a challenged partnership.</summary>
    public bool ProviderTrains(TrainingPeriod period) =>
        period.LeadProviderId == LeadProviderId && !(period.PartnershipId is { } id && ChallengedPartnerships.Contains(id));
}
