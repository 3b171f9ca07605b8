using Ecf.Application.Errors;
using Ecf.Application.ProviderViews;
using Ecf.Application.Storage;
using Ecf.Storage;

namespace Ecf.Application.Partnerships;

/// <param name="Cohorts">Null: every cohort; empty: nothing matches.</param>
/// <param name="DeliveryPartnerIds">Null: any delivery partner.</param>
/// <param name="SortField"><c>created_at</c> (default) or <c>updated_at</c>.</param>
public sealed record ListPartnershipsQuery(
    Guid LeadProviderId,
    IReadOnlyList<int>? Cohorts,
    IReadOnlyList<string>? DeliveryPartnerIds,
    DateTimeOffset? UpdatedSince,
    string SortField,
    bool Descending,
    int Page,
    int PerPage);

/// <summary><c>GET /api/v3/partnerships/ecf</c>: a single-partition query over the provider's partnership views.</summary>
public sealed class ListPartnershipsHandler(IDocumentStore store)
{
    public async Task<Result<IReadOnlyList<PartnershipView>>> HandleAsync(ListPartnershipsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Cohorts is { Count: 0 } || query.DeliveryPartnerIds is { Count: 0 })
        {
            return Result<IReadOnlyList<PartnershipView>>.Success([]);
        }

        var documentQuery = DocumentQuery.All(query.PerPage).WhereEquals("kind", PartnershipView.DocumentKind);
        if (query.Cohorts is { } cohorts)
        {
            documentQuery = documentQuery.Where("cohort", FilterOperator.In, cohorts.Cast<object>().ToList());
        }

        if (query.DeliveryPartnerIds is { } partners)
        {
            documentQuery = documentQuery.Where("deliveryPartnerId", FilterOperator.In, partners.Cast<object>().ToList());
        }

        if (query.UpdatedSince is { } since)
        {
            documentQuery = documentQuery.Where("updatedAtKey", FilterOperator.GreaterThanOrEqual, V3Json.SortableTime(since));
        }

        var key = query.SortField == "updated_at" ? "updatedAtKey" : "createdAtKey";
        documentQuery = query.Descending ? documentQuery.OrderByDescending(key) : documentQuery.OrderByAscending(key);

        var container = store.GetContainer(EcfContainers.ProviderViews);
        var partition = ProviderViewKinds.Partition(query.LeadProviderId);
        string? continuation = null;
        for (var page = 1; ; page++)
        {
            var result = await container.QueryAsync(partition, documentQuery.WithContinuation(continuation), cancellationToken).ConfigureAwait(false);
            if (page == query.Page)
            {
                return Result<IReadOnlyList<PartnershipView>>.Success([.. result.Documents.Select(d => d.As<PartnershipView>())]);
            }

            if (result.Continuation is null)
            {
                return Result<IReadOnlyList<PartnershipView>>.Success([]);
            }

            continuation = result.Continuation;
        }
    }
}
