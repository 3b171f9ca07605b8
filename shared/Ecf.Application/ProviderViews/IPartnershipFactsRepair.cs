using Ecf.Domain.Partnerships;

namespace Ecf.Application.ProviderViews;

/// <summary>
/// Brings what <see cref="IPartnershipFacts"/> reads (and the provider's partnership view) up to date with a school's year
/// document, the partnerships' source of truth. The dependency projector runs it before re-projecting the partnerships'
/// people, so a crash between the year document's write and its derived documents is repaired. Implemented by the
/// partnerships feature; without one there is nothing derived to repair.
/// </summary>
public interface IPartnershipFactsRepair
{
    /// <summary>Rewrites the derived documents of the year's partnerships that differ from it; returns how many partnerships were repaired.</summary>
    Task<int> RepairAsync(SchoolPartnerships year, CancellationToken cancellationToken = default);
}
