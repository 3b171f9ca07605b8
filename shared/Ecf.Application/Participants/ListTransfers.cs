using System.Globalization;
using Ecf.Application.ProviderViews;
using Ecf.Application.Storage;
using Ecf.Storage;

namespace Ecf.Application.Participants;

public sealed record ListTransfersQuery(Guid LeadProviderId, DateTimeOffset? UpdatedSince, int Page, int PerPage);

/// <summary>
/// <c>GET /api/v3/participants/ecf/transfers</c>: participants who moved school where this provider is the leaving or the
/// joining provider, from the provider's transfer views, ordered by the immutable key.
/// </summary>
public sealed class ListTransfersHandler(IDocumentStore store, KeysetPager pager)
{
    public Task<IReadOnlyList<ReadOnlyMemory<byte>>> HandleAsync(ListTransfersQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var documentQuery = DocumentQuery.All().Where("transferSortKey", FilterOperator.NotEqual, null);
        if (query.UpdatedSince is { } since)
        {
            documentQuery = documentQuery.Where("transferUpdatedAt", FilterOperator.GreaterThanOrEqual, V3Json.SortableTime(since));
        }

        var signature = string.Join(
            '|', "transfers", query.LeadProviderId.ToString("N"), query.UpdatedSince?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "*", query.PerPage.ToString(CultureInfo.InvariantCulture));
        return pager.PageAsync(
            store.GetContainer(EcfContainers.ProviderViews),
            ProviderViewKinds.Partition(query.LeadProviderId),
            documentQuery.OrderByAscending("transferSortKey"),
            signature,
            query.Page,
            query.PerPage,
            cancellationToken);
    }
}
