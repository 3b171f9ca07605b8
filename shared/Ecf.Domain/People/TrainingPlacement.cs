namespace Ecf.Domain.People;

/// <summary>Where a registration puts a participant's training: programme, the two years, schedule and provider.</summary>
public sealed record TrainingPlacement(
    string TrainingProgramme,
    int Cohort,
    int ContractYear,
    string? ScheduleIdentifier,
    Guid? LeadProviderId,
    Guid? DeliveryPartnerId,
    string? PartnershipId);
