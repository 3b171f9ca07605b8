namespace Ecf.Domain.Schools;

/// <summary>
/// A school: the <c>schools</c> container's document (partition key <c>/schoolId</c>, <see cref="Id"/> = <see cref="SchoolId"/>).
/// Its id is stable: derived from the first URN it was seen with (<see cref="SchoolIds.ForUrn"/>) and kept when the school
/// takes a successor's URN at academisation. Other records (people, partnerships) point at <see cref="SchoolId"/>, never at a URN.
/// </summary>
public sealed record School
{
    public const string DocumentKind = "school";

    /// <summary>Document id, equal to <see cref="SchoolId"/>.</summary>
    public required string Id { get; init; }

    /// <summary>The stable school id (a UUID string), also the partition key.</summary>
    public required string SchoolId { get; init; }

    public string Kind { get; init; } = DocumentKind;

    /// <summary>The current URN (the last entry of <see cref="Urns"/>).</summary>
    public required int Urn { get; init; }

    /// <summary>Every URN this school has had, oldest first; the last one is current (its <c>To</c> is null).</summary>
    public required IReadOnlyList<UrnPeriod> Urns { get; init; }

    /// <summary>The latest GIAS facts of the current URN.</summary>
    public required GiasFacts Gias { get; init; }

    /// <summary><see cref="GiasFacts.ContentHash"/> of <see cref="Gias"/>.</summary>
    public required string GiasHash { get; init; }

    /// <summary>Open, in England, eligible, CIP-only: derived from <see cref="Gias"/> by <see cref="SchoolEligibility.From"/>.</summary>
    public required SchoolEligibility Eligibility { get; init; }

    public SchoolStatus Status { get; init; } = SchoolStatus.Active;

    public string? MergedIntoSchoolId { get; init; }

    public string? SupersededBySchoolId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last change made to this record by the DfE (any change that appends a timeline event).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// The latest change to what lead providers see of any of the school's cohorts (a year's <c>in_partnership</c> or
    /// <c>induction_programme_choice</c>, <see cref="Partnerships.SchoolPartnerships.SchoolViewUpdatedAt"/>); null until one
    /// changes. Not a DfE change, so it leaves <see cref="UpdatedAt"/> alone; the schools API's <c>updated_at</c> is the later of the two.
    /// </summary>
    public DateTimeOffset? CohortsUpdatedAt { get; init; }

    /// <summary>What happened to this school, oldest first.</summary>
    public IReadOnlyList<SchoolEvent> Timeline { get; init; } = [];

    /// <summary>Convenience: the current name.</summary>
    public string Name => Gias.Name;

    /// <summary>True when the URN is one this school has had (current or past).</summary>
    public bool HasHadUrn(int urn) => Urns.Any(u => u.Urn == urn);
}
