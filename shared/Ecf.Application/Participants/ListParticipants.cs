using System.Globalization;
using Ecf.Application.ProviderViews;
using Ecf.Application.Storage;
using Ecf.Storage;

namespace Ecf.Application.Participants;

/// <summary>How a participant list is ordered: by the immutable key (<c>created_at</c>) or by <c>updated_at</c>.</summary>
public enum ParticipantOrder
{
    CreatedAt,
    UpdatedAt,
}

/// <param name="Cohorts">Start years; null for all, empty for none.</param>
public sealed record ListParticipantsQuery(
    Guid LeadProviderId,
    IReadOnlyList<int>? Cohorts,
    DateTimeOffset? UpdatedSince,
    string? TrainingStatus,
    string? FromParticipantId,
    ParticipantOrder Order,
    bool Descending,
    int Page,
    int PerPage);

/// <summary>
/// <c>GET /api/v3/participants/ecf</c>: one single-partition keyset query on the provider's views, returning the pre-rendered
/// resources (UTF-8 JSON) of the page. Only visible participant views carry the ordering fields, so the query is an index
/// range with no kind or visibility filter. Page numbers map to keyset positions through <see cref="PageCursorCache"/>.
/// </summary>
public sealed class ListParticipantsHandler(IDocumentStore store, KeysetPager pager)
{
    public async Task<IReadOnlyList<ReadOnlyMemory<byte>>> HandleAsync(ListParticipantsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Cohorts is { Count: 0 })
        {
            return [];
        }

        var container = store.GetContainer(EcfContainers.ProviderViews);
        var partition = ProviderViewKinds.Partition(query.LeadProviderId);
        if (query.FromParticipantId is { } from)
        {
            return await FromParticipantAsync(container, partition, from, query, cancellationToken).ConfigureAwait(false);
        }

        return await pager.PageAsync(container, partition, BuildQuery(query), Signature(query), query.Page, query.PerPage, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The store query of a list request (filters and order, no page).</summary>
    public static DocumentQuery BuildQuery(ListParticipantsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var orderPath = query.Order == ParticipantOrder.UpdatedAt ? "updatedAt" : "sortKey";
        var documentQuery = DocumentQuery.All().Where(orderPath, FilterOperator.NotEqual, null);
        // A participant matches when any visible enrolment does: the first one's value is a scalar, and a view whose enrolments
        // differ (a dual-role person) also lists every value, only looked at when the scalar does not match.
        if (query.Cohorts is { } cohorts)
        {
            documentQuery = documentQuery.WhereAny(
                [new QueryFilter("cohort", FilterOperator.In, cohorts), .. cohorts.Select(c => new QueryFilter("cohorts", FilterOperator.ArrayContains, c))]);
        }

        if (query.UpdatedSince is { } since)
        {
            documentQuery = documentQuery.Where("updatedAt", FilterOperator.GreaterThanOrEqual, V3Json.SortableTime(since));
        }

        if (query.TrainingStatus is { } status)
        {
            documentQuery = documentQuery.WhereAny(
                new QueryFilter("trainingStatus", FilterOperator.Equal, status),
                new QueryFilter("trainingStatuses", FilterOperator.ArrayContains, status));
        }

        return query.Descending ? documentQuery.OrderByDescending(orderPath) : documentQuery.OrderByAscending(orderPath);
    }

    private static string Signature(ListParticipantsQuery query) => string.Join(
        '|',
        query.LeadProviderId.ToString("N"),
        query.Cohorts is null ? "*" : string.Join(',', query.Cohorts.Order()),
        query.UpdatedSince?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "*",
        query.TrainingStatus ?? "*",
        query.Order,
        query.Descending ? "desc" : "asc",
        query.PerPage.ToString(CultureInfo.InvariantCulture));

    private static async Task<IReadOnlyList<ReadOnlyMemory<byte>>> FromParticipantAsync(
        IDocumentContainer container, string partition, string from, ListParticipantsQuery query, CancellationToken cancellationToken)
    {
        if (query.Page != 1 || !ProviderViewResources.IsPlausibleId(from))
        {
            return [];
        }

        var alias = await container.ReadAsync<ProviderViewDocument>(partition, ProviderViewKinds.AliasId(from), cancellationToken).ConfigureAwait(false);
        if (alias is null)
        {
            return [];
        }

        var view = await container.ReadAsync<ProviderViewDocument>(partition, ProviderViewKinds.ParticipantId(alias.PersonId), cancellationToken).ConfigureAwait(false);
        var matches = view is { Hidden: false, Resource: { } }
            && (query.Cohorts is null || (view.Cohorts ?? (view.Cohort is { } cohort ? [cohort] : [])).Any(query.Cohorts.Contains))
            && (query.TrainingStatus is null || (view.TrainingStatuses ?? (view.TrainingStatus is { } status ? [status] : [])).Contains(query.TrainingStatus, StringComparer.Ordinal))
            && (query.UpdatedSince is null || string.CompareOrdinal(view.UpdatedAt, V3Json.SortableTime(query.UpdatedSince.Value)) >= 0);
        return matches ? [System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(view!.Resource!.Value)] : [];
    }
}
