namespace Ecf.Application.ProviderViews;

/// <summary>
/// What the projection needs of a school partnership: whether it is challenged (a challenged partnership hides its
/// participants from the provider, docs/domain.md#provider-views) and its current delivery partner. Implemented by the partnerships
/// feature; without one, every training period's own lead provider and delivery partner are used.
/// </summary>
public interface IPartnershipFacts
{
    /// <summary>The facts of the partnerships named, by id; ids not found are left out.</summary>
    Task<IReadOnlyDictionary<string, PartnershipFact>> GetAsync(IReadOnlyCollection<string> partnershipIds, CancellationToken cancellationToken = default);
}

/// <param name="Challenged">True once the school or DfE challenged it: its provider no longer sees participants through it.</param>
/// <param name="UpdatedAt">When the partnership last changed, when known (a delivery partner change moves it).</param>
public sealed record PartnershipFact(string PartnershipId, Guid LeadProviderId, Guid DeliveryPartnerId, bool Challenged, DateTimeOffset? UpdatedAt = null);

/// <summary>The default: no partnership facts (training periods speak for themselves).</summary>
public sealed class NoPartnershipFacts : IPartnershipFacts
{
    public Task<IReadOnlyDictionary<string, PartnershipFact>> GetAsync(IReadOnlyCollection<string> partnershipIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, PartnershipFact>>(new Dictionary<string, PartnershipFact>());
}
