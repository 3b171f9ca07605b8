namespace Ecf.Application.Schools;

/// <summary>A school as the ECF v3 API shows it to a lead provider for one cohort.</summary>
public sealed record EcfSchoolView(
    string Id,
    string Name,
    string Urn,
    string Cohort,
    bool InPartnership,
    string InductionProgrammeChoice,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
