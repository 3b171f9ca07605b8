using Ecf.Domain.Partnerships;

namespace Ecf.Application.Partnerships;

/// <summary>A school's setup of one cohort as the school service sees it (the choice is derived until the school sets it).</summary>
public sealed record SchoolCohortView(
    string SchoolId,
    int Urn,
    int Cohort,
    string InductionProgrammeChoice,
    string? InductionTutorName,
    string? InductionTutorEmail,
    bool SetUp,
    DateTimeOffset? UpdatedAt)
{
    public static SchoolCohortView From(string schoolId, int urn, int cohort, SchoolPartnerships? state) => new(
        schoolId,
        urn,
        cohort,
        state?.InductionProgrammeChoice ?? InductionProgrammeChoices.NotYetKnown,
        state?.Setup?.InductionTutorName,
        state?.Setup?.InductionTutorEmail,
        state?.Setup is not null,
        state?.Setup?.UpdatedAt);
}
