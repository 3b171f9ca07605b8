using Ecf.Application.ProviderViews;
using Ecf.Application.ReferenceData;
using Ecf.Application.Schools;
using Ecf.Domain.Partnerships;

namespace Ecf.Application.Partnerships;

/// <summary>
/// Rewrites a partnership's <see cref="PartnershipIndex"/> and <see cref="PartnershipView"/> when they differ from the school's
/// year document (a crash after the year document's write left them stale), and moves the school's
/// <see cref="Domain.Schools.School.CohortsUpdatedAt"/> up to the year's <see cref="SchoolPartnerships.SchoolViewUpdatedAt"/>.
/// Reads them; writes only what differs.
/// </summary>
public sealed class PartnershipDerivedRepair(PartnershipDocuments partnerships, SchoolDocuments schools, IReferenceData referenceData) : IPartnershipFactsRepair
{
    public async Task<int> RepairAsync(SchoolPartnerships year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(year);
        if (year.SchoolViewUpdatedAt is { } schoolViewUpdatedAt)
        {
            await schools.MarkCohortsUpdatedAsync(year.SchoolId, schoolViewUpdatedAt, cancellationToken).ConfigureAwait(false);
        }

        if (year.Partnerships.Count == 0)
        {
            return 0;
        }

        var snapshot = await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var urn = await PartnershipDocuments.CurrentUrnAsync(schools, year.SchoolId, cancellationToken).ConfigureAwait(false) ?? 0;
        var repaired = 0;
        foreach (var partnership in year.Partnerships)
        {
            var name = snapshot.GetDeliveryPartner(partnership.DeliveryPartnerId)?.Name ?? "";
            var index = await partnerships.FindAsync(partnership.Id, cancellationToken).ConfigureAwait(false);
            var view = await partnerships.ReadViewAsync(partnership.LeadProviderId, partnership.Id, cancellationToken).ConfigureAwait(false);
            if (index != PartnershipIndex.From(partnership) || view != PartnershipView.From(partnership, urn, name, year.Setup))
            {
                await partnerships.WriteDerivedAsync(partnership, urn, name, year.Setup, cancellationToken).ConfigureAwait(false);
                repaired++;
            }
        }

        return repaired;
    }
}
