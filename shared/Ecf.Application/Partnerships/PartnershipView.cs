using System.Globalization;
using Ecf.Application.ProviderViews;
using Ecf.Domain.Partnerships;

namespace Ecf.Application.Partnerships;

/// <summary>
/// A lead provider's view of one of its partnerships: <c>provider-views</c> document <c>partnership:&lt;id&gt;</c> in the
/// provider's partition, so <c>GET /api/v3/partnerships/ecf</c> is a single-partition query and another provider's id is
/// simply not found. <see cref="CreatedAtKey"/>/<see cref="UpdatedAtKey"/> are fixed-width texts for ordering and filters.
/// </summary>
public sealed record PartnershipView
{
    public const string DocumentKind = "partnership";

    public required string Id { get; init; }

    public required string LeadProviderId { get; init; }

    public string Kind { get; init; } = DocumentKind;

    public required string PartnershipId { get; init; }

    public required string SchoolId { get; init; }

    public required string Urn { get; init; }

    public required int Cohort { get; init; }

    public required string DeliveryPartnerId { get; init; }

    public required string DeliveryPartnerName { get; init; }

    public required string Status { get; init; }

    public string? ChallengedReason { get; init; }

    public DateTimeOffset? ChallengedAt { get; init; }

    /// <summary>The school's induction tutor for the year (its cohort setup), if named.</summary>
    public string? InductionTutorName { get; init; }

    public string? InductionTutorEmail { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required string CreatedAtKey { get; init; }

    public required string UpdatedAtKey { get; init; }

    public static string DocumentId(string partnershipId) => "partnership:" + partnershipId;

    public static PartnershipView From(Partnership partnership, int urn, string deliveryPartnerName, SchoolCohortSetup? setup)
    {
        ArgumentNullException.ThrowIfNull(partnership);

        // The tutor is part of what the provider sees, so naming a new one moves updated_at (filter[updated_since] finds it).
        var updatedAt = setup?.InductionTutorName is not null && setup.UpdatedAt > partnership.UpdatedAt ? setup.UpdatedAt : partnership.UpdatedAt;
        return new PartnershipView
        {
            Id = DocumentId(partnership.Id),
            LeadProviderId = ProviderViewKinds.Partition(partnership.LeadProviderId),
            PartnershipId = partnership.Id,
            SchoolId = partnership.SchoolId,
            Urn = urn.ToString(CultureInfo.InvariantCulture),
            Cohort = partnership.ContractYear,
            DeliveryPartnerId = partnership.DeliveryPartnerId.ToString("D"),
            DeliveryPartnerName = deliveryPartnerName,
            Status = partnership.Status,
            ChallengedReason = partnership.ChallengedReason,
            ChallengedAt = partnership.ChallengedAt,
            InductionTutorName = setup?.InductionTutorName,
            InductionTutorEmail = setup?.InductionTutorEmail,
            CreatedAt = partnership.CreatedAt,
            UpdatedAt = updatedAt,
            CreatedAtKey = V3Json.SortableTime(partnership.CreatedAt),
            UpdatedAtKey = V3Json.SortableTime(updatedAt),
        };
    }
}
