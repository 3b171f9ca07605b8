namespace Ecf.Domain.People;

/// <summary>Where a registration puts a participant's training: programme, the two years, schedule and provider.</summary>
/// <param name="MovedOutOfFrozenCohort">A transfer takes an unfinished ECT out of a payments-frozen contract year (docs/domain.md#frozen-years).</param>
public sealed record TrainingPlacement(
    string TrainingProgramme,
    int Cohort,
    int ContractYear,
    string? ScheduleIdentifier,
    Guid? LeadProviderId,
    Guid? DeliveryPartnerId,
    string? PartnershipId,
    bool MovedOutOfFrozenCohort = false);
