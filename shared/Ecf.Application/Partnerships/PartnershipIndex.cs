using Ecf.Domain.Partnerships;

namespace Ecf.Application.Partnerships;

/// <summary>
/// Where a partnership lives, by its id: document <c>partnership:&lt;id&gt;</c> in the <c>identifiers</c> container (partition
/// <c>/id</c>), with the facts others need without knowing the school: provider, delivery partner, status. Upserted after each
/// change of the school's <see cref="SchoolPartnerships"/> document (the source of truth).
/// </summary>
public sealed record PartnershipIndex
{
    public const string DocumentKind = "partnership-index";

    public required string Id { get; init; }

    public string Kind { get; init; } = DocumentKind;

    public required string PartnershipId { get; init; }

    public required string SchoolId { get; init; }

    public required int ContractYear { get; init; }

    public required Guid LeadProviderId { get; init; }

    public required Guid DeliveryPartnerId { get; init; }

    public required string Status { get; init; }

    /// <summary>The partnership's <c>UpdatedAt</c> (absent on indexes written before it was recorded).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    public static string DocumentId(string partnershipId) => "partnership:" + partnershipId;

    public static PartnershipIndex From(Partnership partnership)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        return new PartnershipIndex
        {
            Id = DocumentId(partnership.Id),
            PartnershipId = partnership.Id,
            SchoolId = partnership.SchoolId,
            ContractYear = partnership.ContractYear,
            LeadProviderId = partnership.LeadProviderId,
            DeliveryPartnerId = partnership.DeliveryPartnerId,
            Status = partnership.Status,
            UpdatedAt = partnership.UpdatedAt,
        };
    }
}
