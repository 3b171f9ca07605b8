namespace Ecf.Domain.ReferenceData;

/// <summary>
/// A lead provider working with a delivery partner in a contract year (RECT <c>lead_provider_delivery_partnerships</c>):
/// what a school partnership for that year may be built on.
/// </summary>
public sealed record ProviderRelationship(Guid LeadProviderId, Guid DeliveryPartnerId, int ContractYear);
