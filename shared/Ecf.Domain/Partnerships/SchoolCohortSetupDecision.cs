namespace Ecf.Domain.Partnerships;

/// <summary>The year's new state (<see cref="Changed"/> false: as it was), or a refusal.</summary>
public sealed record SchoolCohortSetupDecision(SchoolPartnerships? State, bool Changed, PartnershipRefusal? Refusal);
