using System.Text.Json;
using Ecf.Application.Errors;
using Ecf.Application.ReferenceData;
using Ecf.Application.Storage;
using Ecf.Storage;

namespace Ecf.Application.Schools;

/// <param name="Cohort">The contract year (required by the endpoint; validated by the caller).</param>
/// <param name="Sort">Null (by created_at, id), <c>updated_at</c> or <c>-updated_at</c>.</param>
public sealed record ListEcfSchoolsQuery(int Cohort, int? Urn, DateTimeOffset? UpdatedSince, int Page, int PerPage, string? Sort);

/// <summary>
/// <c>GET /api/v3/schools/ecf</c>: eligible, non-CIP-only schools, a single-partition query over the listing rows, ordered by an
/// immutable key (created_at, id) unless sorted by updated_at. A cohort that is not a contract period gives an empty list.
/// </summary>
public sealed class ListEcfSchoolsHandler(IDocumentStore store, IReferenceData referenceData)
{
    public async Task<Result<IReadOnlyList<EcfSchoolView>>> HandleAsync(ListEcfSchoolsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (await referenceData.GetContractPeriodAsync(query.Cohort, cancellationToken).ConfigureAwait(false) is null)
        {
            return Result<IReadOnlyList<EcfSchoolView>>.Success([]);
        }

        var documentQuery = DocumentQuery.All(query.PerPage).WhereEquals("listed", true);
        if (query.Urn is { } urn)
        {
            documentQuery = documentQuery.WhereEquals("urn", urn);
        }

        if (query.UpdatedSince is { } since)
        {
            documentQuery = documentQuery.Where("updatedAt", FilterOperator.GreaterThanOrEqual, StoredTimestamp(since));
        }

        documentQuery = query.Sort switch
        {
            "updated_at" => documentQuery.OrderByAscending("updatedAt"),
            "-updated_at" => documentQuery.OrderByDescending("updatedAt"),
            _ => documentQuery.OrderByAscending("createdAt"),
        };

        var container = store.GetContainer(EcfContainers.Schools);
        string? continuation = null;
        for (var page = 1; ; page++)
        {
            var result = await container.QueryAsync(SchoolListing.Partition, documentQuery.WithContinuation(continuation), cancellationToken).ConfigureAwait(false);
            if (page == query.Page)
            {
                var listings = result.Documents.Select(d => d.As<SchoolListing>()).ToList();
                var partnerships = await Partnerships.SchoolPartnershipLookup.ReadAsync(store, [.. listings.Select(l => l.Id)], query.Cohort, cancellationToken).ConfigureAwait(false);
                return Result<IReadOnlyList<EcfSchoolView>>.Success(listings.Select(l => EcfSchoolViews.For(l, query.Cohort, partnerships.GetValueOrDefault(l.Id))).ToList());
            }

            if (result.Continuation is null)
            {
                return Result<IReadOnlyList<EcfSchoolView>>.Success([]);
            }

            continuation = result.Continuation;
        }
    }

    /// <summary>A timestamp formatted exactly as stored documents hold it (UTC), so string range comparison orders correctly.</summary>
    internal static string StoredTimestamp(DateTimeOffset value) => JsonSerializer.Serialize(value.ToUniversalTime(), DocumentJson.Options).Trim('"');
}
