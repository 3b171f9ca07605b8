namespace Ecf.Domain.Partnerships;

/// <summary>
/// How a school runs a cohort (ECF's school cohort): its induction programme choice and the induction tutor it names for the
/// year. Set by the school service, or to <see cref="InductionProgrammeChoices.ProviderLed"/> when a lead provider confirms a
/// partnership with a school that had not set the year up. Lead providers see the tutor on their partnerships of the year.
/// </summary>
public sealed record SchoolCohortSetup(string InductionProgrammeChoice, string? InductionTutorName, string? InductionTutorEmail, DateTimeOffset UpdatedAt);
