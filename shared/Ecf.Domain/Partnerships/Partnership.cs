namespace Ecf.Domain.Partnerships;

/// <summary>
/// A school partnership: (school, lead provider, delivery partner, contract year), <see cref="PartnershipStatuses.Active"/> or
/// challenged with a reason. Held in its school's <see cref="SchoolPartnerships"/> document for the year; the lead provider's
/// copy is a view document in <c>provider-views</c>.
/// </summary>
public sealed record Partnership
{
    /// <summary>A UUID string: the v3 API's partnership id.</summary>
    public required string Id { get; init; }

    public required string SchoolId { get; init; }

    public required Guid LeadProviderId { get; init; }

    public required Guid DeliveryPartnerId { get; init; }

    /// <summary>The contract year (the v3 API's <c>cohort</c>).</summary>
    public required int ContractYear { get; init; }

    public string Status { get; init; } = PartnershipStatuses.Active;

    public string? ChallengedReason { get; init; }

    public DateTimeOffset? ChallengedAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public bool IsActive => Status == PartnershipStatuses.Active;
}
