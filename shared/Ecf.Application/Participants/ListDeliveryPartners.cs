using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ecf.Application.Errors;
using Ecf.Application.ProviderViews;
using Ecf.Application.ReferenceData;

namespace Ecf.Application.Participants;

/// <summary>v3 <c>delivery-partner</c> resource.</summary>
public sealed record DeliveryPartnerResource(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("attributes")] DeliveryPartnerAttributes Attributes);

public sealed record DeliveryPartnerAttributes(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("cohort")] IReadOnlyList<string> Cohort,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt);

/// <param name="Cohorts">Start years; null for all.</param>
/// <param name="Descending">With <paramref name="SortField"/>: newest first.</param>
public sealed record ListDeliveryPartnersQuery(Guid LeadProviderId, IReadOnlyList<int>? Cohorts, string? SortField, bool Descending, int Page, int PerPage);

/// <summary>
/// <c>GET /api/v3/delivery-partners</c> and <c>/{id}</c>: the delivery partners this provider has a relationship with
/// (reference data), with the years of those relationships as <c>cohort</c>. Reference data carries no timestamps, so
/// <c>created_at</c> and <c>updated_at</c> are the start of the first contract period of the relationship.
/// </summary>
public sealed class ListDeliveryPartnersHandler(IReferenceData referenceData)
{
    public async Task<IReadOnlyList<ReadOnlyMemory<byte>>> HandleAsync(ListDeliveryPartnersQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var all = await ResourcesAsync(query.LeadProviderId, cancellationToken).ConfigureAwait(false);
        IEnumerable<DeliveryPartnerResource> selected = all;
        if (query.Cohorts is { } cohorts)
        {
            var wanted = cohorts.Select(c => c.ToString(CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
            selected = selected.Where(r => r.Attributes.Cohort.Any(wanted.Contains));
        }

        if (query.SortField is "created_at" or "updated_at")
        {
            selected = query.Descending
                ? selected.OrderByDescending(r => r.Attributes.CreatedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal)
                : selected.OrderBy(r => r.Attributes.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal);
        }

        return [.. selected.Skip((int)Math.Min(int.MaxValue, (long)(query.Page - 1) * query.PerPage)).Take(query.PerPage)
            .Select(r => (ReadOnlyMemory<byte>)JsonSerializer.SerializeToUtf8Bytes(r, V3Json.Options))];
    }

    public async Task<Result<ReadOnlyMemory<byte>>> GetAsync(Guid leadProviderId, string id, CancellationToken cancellationToken = default)
    {
        var all = await ResourcesAsync(leadProviderId, cancellationToken).ConfigureAwait(false);
        var match = Guid.TryParse(id, out var guid) ? all.FirstOrDefault(r => r.Id == guid.ToString("D")) : null;
        return match is null ? ApiError.NotFound() : Result<ReadOnlyMemory<byte>>.Success(JsonSerializer.SerializeToUtf8Bytes(match, V3Json.Options));
    }

    private async Task<IReadOnlyList<DeliveryPartnerResource>> ResourcesAsync(Guid leadProviderId, CancellationToken cancellationToken)
    {
        var reference = await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        return reference.Relationships
            .Where(r => r.LeadProviderId == leadProviderId)
            .GroupBy(r => r.DeliveryPartnerId)
            .Select(g => (Partner: reference.GetDeliveryPartner(g.Key), Years: g.Select(r => r.ContractYear).Distinct().Order().ToList()))
            .Where(x => x.Partner is not null)
            .OrderBy(x => x.Partner!.Name, StringComparer.OrdinalIgnoreCase)
            .Select(x =>
            {
                var first = reference.GetContractPeriod(x.Years[0]);
                var at = first is null
                    ? new DateTimeOffset(x.Years[0], 6, 1, 0, 0, 0, TimeSpan.Zero)
                    : new DateTimeOffset(first.StartedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                return new DeliveryPartnerResource(
                    x.Partner!.Id.ToString("D"),
                    "delivery-partner",
                    new DeliveryPartnerAttributes(x.Partner.Name, [.. x.Years.Select(y => y.ToString(CultureInfo.InvariantCulture))], at, at));
            })
            .ToList();
    }
}
