using System.Globalization;
using Ecf.Application.Errors;
using Ecf.Application.Participants;
using Ecf.Application.ProviderViews;
using Ecf.Application.Storage;
using Ecf.Storage;

namespace Ecf.Application.Declarations;

/// <param name="Cohorts">The declarations' cohorts; null for all, empty for none.</param>
/// <param name="ParticipantIds">Participant (person) ids; null for all.</param>
/// <param name="DeliveryPartnerIds">Delivery partner ids recorded on the declarations; null for all.</param>
public sealed record ListDeclarationsQuery(
    Guid LeadProviderId,
    IReadOnlyList<int>? Cohorts,
    IReadOnlyList<string>? ParticipantIds,
    IReadOnlyList<string>? DeliveryPartnerIds,
    DateTimeOffset? UpdatedSince,
    int Page,
    int PerPage);

/// <summary>
/// <c>GET /api/v3/participant-declarations</c> and <c>/{id}</c>: the provider's declaration views (<see cref="DeclarationViewWriter"/>),
/// in the immutable order (<c>created_at</c>, then id), as ECF orders them. A declaration the provider cannot see (another
/// provider's, hidden, unknown) is the same not-found.
/// </summary>
public sealed class ListDeclarationsHandler(IDocumentStore store, KeysetPager pager)
{
    private const string SortKey = "declarationSortKey";

    public async Task<IReadOnlyList<ReadOnlyMemory<byte>>> HandleAsync(ListDeclarationsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Cohorts is { Count: 0 } || query.ParticipantIds is { Count: 0 } || query.DeliveryPartnerIds is { Count: 0 })
        {
            return [];
        }

        var documentQuery = DocumentQuery.All().Where(SortKey, FilterOperator.NotEqual, null);
        if (query.Cohorts is { } cohorts)
        {
            documentQuery = documentQuery.Where("cohort", FilterOperator.In, cohorts);
        }

        if (query.ParticipantIds is { } participants)
        {
            documentQuery = documentQuery.Where("personId", FilterOperator.In, participants);
        }

        if (query.DeliveryPartnerIds is { } partners)
        {
            documentQuery = documentQuery.Where("deliveryPartnerId", FilterOperator.In, partners);
        }

        if (query.UpdatedSince is { } since)
        {
            documentQuery = documentQuery.Where("declarationUpdatedAt", FilterOperator.GreaterThanOrEqual, V3Json.SortableTime(since));
        }

        var signature = string.Join(
            '|',
            "declarations",
            query.LeadProviderId.ToString("N"),
            query.Cohorts is null ? "*" : string.Join(',', query.Cohorts.Order()),
            query.ParticipantIds is null ? "*" : string.Join(',', query.ParticipantIds.Order(StringComparer.Ordinal)),
            query.DeliveryPartnerIds is null ? "*" : string.Join(',', query.DeliveryPartnerIds.Order(StringComparer.Ordinal)),
            query.UpdatedSince?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "*",
            query.PerPage.ToString(CultureInfo.InvariantCulture));
        return await pager.PageAsync(
            store.GetContainer(EcfContainers.ProviderViews),
            ProviderViewKinds.Partition(query.LeadProviderId),
            documentQuery.OrderByAscending(SortKey),
            signature,
            query.Page,
            query.PerPage,
            cancellationToken).ConfigureAwait(false);
    }

    public Task<Result<ReadOnlyMemory<byte>>> GetAsync(Guid leadProviderId, string id, CancellationToken cancellationToken = default) =>
        Guid.TryParse(id, out var declarationId)
            ? ProviderViewResources.ReadAsync(store, leadProviderId, ProviderViewKinds.DeclarationId(declarationId.ToString("D")), cancellationToken)
            : Task.FromResult<Result<ReadOnlyMemory<byte>>>(ApiError.NotFound());

    /// <summary>A comma-separated id filter as stored (UUIDs lower-case, hyphenated; anything else as sent, matching nothing); null when it names none.</summary>
    public static IReadOnlyList<string>? Ids(string? text)
    {
        var ids = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => Guid.TryParse(id, out var guid) ? guid.ToString("D") : id)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return ids.Count == 0 ? null : ids;
    }
}
