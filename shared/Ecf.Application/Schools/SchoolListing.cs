using Ecf.Domain.Schools;

namespace Ecf.Application.Schools;

/// <summary>
/// The thin row the lead provider school list pages over: one per school, all in one partition of the <c>schools</c>
/// container (partition key value <see cref="Partition"/>), so <c>GET /api/v3/schools/ecf</c> is a single-partition query.
/// Derived from the school document and written just before it, so a crash in between is repaired by the next import.
/// </summary>
public sealed record SchoolListing
{
    public const string Partition = "school-listing";
    public const string DocumentKind = "school-listing";

    /// <summary>The school's id (the document id inside the listing partition).</summary>
    public required string Id { get; init; }

    /// <summary>The partition key value: always <see cref="Partition"/>.</summary>
    public string SchoolId { get; init; } = Partition;

    public string Kind { get; init; } = DocumentKind;

    public required int Urn { get; init; }

    public required string Name { get; init; }

    /// <summary>Shown on the ECF schools endpoint: eligible for funded training and not CIP-only, and an active record.</summary>
    public required bool Listed { get; init; }

    public required bool EligibleForFunding { get; init; }

    public required bool CipOnly { get; init; }

    public required SchoolStatus Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// The schools API's <c>updated_at</c>, and what <c>filter[updated_since]</c> and <c>sort=updated_at</c> use: the later of the
    /// school's own last change and <see cref="School.CohortsUpdatedAt"/>, so a change of a year's <c>in_partnership</c> or
    /// <c>induction_programme_choice</c> is found by every provider's incremental sync (of every cohort: a school-wide key).
    /// </summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    public static SchoolListing From(School school)
    {
        ArgumentNullException.ThrowIfNull(school);
        return new SchoolListing
        {
            Id = school.SchoolId,
            Urn = school.Urn,
            Name = school.Name,
            Listed = school.Status == SchoolStatus.Active && school.Eligibility.EligibleForFunding && !school.Eligibility.CipOnly,
            EligibleForFunding = school.Eligibility.EligibleForFunding,
            CipOnly = school.Eligibility.CipOnly,
            Status = school.Status,
            CreatedAt = school.CreatedAt,
            UpdatedAt = school.CohortsUpdatedAt is { } cohorts && cohorts > school.UpdatedAt ? cohorts : school.UpdatedAt,
        };
    }
}
