using System.Globalization;

namespace Ecf.Domain.Partnerships;

/// <summary>
/// A school's partnerships for one contract year: the <c>schools</c> container document <c>partnerships:&lt;year&gt;</c> in the
/// school's partition. One document per (school, year) so the "one active partnership" rules are checked and written with one
/// ETag. The school's programme choice for the year (<see cref="Setup"/>) lives here too, so the rules between the choice and
/// the partnerships are decided on one version of one document. The active partnership is the school's default partnership for
/// the year, used by registrations that name no provider.
/// </summary>
public sealed record SchoolPartnerships
{
    public const string DocumentKind = "school-partnerships";

    public required string Id { get; init; }

    public required string SchoolId { get; init; }

    public string Kind { get; init; } = DocumentKind;

    public required int ContractYear { get; init; }

    /// <summary>How the school runs the year; null until the school sets it up or a provider confirms a partnership.</summary>
    public SchoolCohortSetup? Setup { get; init; }

    /// <summary>Every partnership of the year, oldest first (challenged ones stay for history).</summary>
    public IReadOnlyList<Partnership> Partnerships { get; init; } = [];

    /// <summary>What happened to these partnerships, oldest first.</summary>
    public IReadOnlyList<PartnershipEvent> Timeline { get; init; } = [];

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// When what lead providers see of the school for this year (<c>in_partnership</c>, <c>induction_programme_choice</c>) last
    /// changed; null until it first does. Carried to the school's <see cref="Schools.School.CohortsUpdatedAt"/>, which moves the
    /// school's <c>updated_at</c> on the schools API.
    /// </summary>
    public DateTimeOffset? SchoolViewUpdatedAt { get; init; }

    /// <summary>The default partnership: the active one, if any.</summary>
    public Partnership? Default => Partnerships.FirstOrDefault(p => p.IsActive);

    public Partnership? Find(string partnershipId) => Partnerships.FirstOrDefault(p => string.Equals(p.Id, partnershipId, StringComparison.Ordinal));

    /// <summary>The v3 <c>induction_programme_choice</c>: the school's choice, else provider-led while in partnership, else not yet known.</summary>
    public string InductionProgrammeChoice => Setup?.InductionProgrammeChoice
        ?? (Default is not null ? InductionProgrammeChoices.ProviderLed : InductionProgrammeChoices.NotYetKnown);

    public static string DocumentId(int contractYear) => "partnerships:" + contractYear.ToString(CultureInfo.InvariantCulture);
}
