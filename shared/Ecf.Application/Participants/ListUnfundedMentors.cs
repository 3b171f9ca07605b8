using System.Globalization;
using Ecf.Application.Errors;
using Ecf.Application.ProviderViews;
using Ecf.Application.Storage;
using Ecf.Storage;

namespace Ecf.Application.Participants;

/// <param name="ByUpdatedAt">Sorted by updated_at (else by the immutable key).</param>
public sealed record ListUnfundedMentorsQuery(Guid LeadProviderId, DateTimeOffset? UpdatedSince, bool ByUpdatedAt, bool Descending, int Page, int PerPage);

/// <summary><c>GET /api/v3/unfunded-mentors/ecf</c> and <c>/{id}</c>: the provider's unfunded-mentor views.</summary>
public sealed class ListUnfundedMentorsHandler(IDocumentStore store, KeysetPager pager)
{
    public Task<IReadOnlyList<ReadOnlyMemory<byte>>> HandleAsync(ListUnfundedMentorsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var orderPath = query.ByUpdatedAt ? "mentorUpdatedAt" : "mentorSortKey";
        var documentQuery = DocumentQuery.All().Where(orderPath, FilterOperator.NotEqual, null);
        if (query.UpdatedSince is { } since)
        {
            documentQuery = documentQuery.Where("mentorUpdatedAt", FilterOperator.GreaterThanOrEqual, V3Json.SortableTime(since));
        }

        documentQuery = query.Descending ? documentQuery.OrderByDescending(orderPath) : documentQuery.OrderByAscending(orderPath);
        var signature = string.Join(
            '|', "unfunded", query.LeadProviderId.ToString("N"), query.UpdatedSince?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "*", orderPath, query.Descending, query.PerPage.ToString(CultureInfo.InvariantCulture));
        return pager.PageAsync(store.GetContainer(EcfContainers.ProviderViews), ProviderViewKinds.Partition(query.LeadProviderId), documentQuery, signature, query.Page, query.PerPage, cancellationToken);
    }

    public async Task<Result<ReadOnlyMemory<byte>>> GetAsync(Guid leadProviderId, string id, CancellationToken cancellationToken = default)
    {
        if (!ProviderViewResources.IsPlausibleId(id))
        {
            return ApiError.NotFound();
        }

        var document = await store.GetContainer(EcfContainers.ProviderViews)
            .ReadAsync(ProviderViewKinds.Partition(leadProviderId), ProviderViewKinds.UnfundedMentorId(id), cancellationToken).ConfigureAwait(false);
        var resource = document is null ? ReadOnlyMemory<byte>.Empty : ProviderViewResources.Extract(document.Json);
        return resource.IsEmpty ? ApiError.NotFound() : Result<ReadOnlyMemory<byte>>.Success(resource);
    }
}
