using Ecf.Application.Errors;
using Ecf.Application.ReferenceData;
using Ecf.Application.Storage;
using Ecf.Storage;

namespace Ecf.Application.Schools;

public sealed record GetEcfSchoolQuery(string Id, int Cohort);

/// <summary><c>GET /api/v3/schools/ecf/{id}</c>: one listed school by its stable id; 404 when unknown, not listed, or the cohort is not a contract period.</summary>
public sealed class GetEcfSchoolHandler(IDocumentStore store, IReferenceData referenceData)
{
    public async Task<Result<EcfSchoolView>> HandleAsync(GetEcfSchoolQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!Domain.Schools.SchoolIds.IsWellFormed(query.Id)
            || await referenceData.GetContractPeriodAsync(query.Cohort, cancellationToken).ConfigureAwait(false) is null)
        {
            return ApiError.NotFound();
        }

        var listing = await store.GetContainer(EcfContainers.Schools).ReadAsync<SchoolListing>(SchoolListing.Partition, query.Id, cancellationToken).ConfigureAwait(false);
        if (listing is not { Listed: true })
        {
            return ApiError.NotFound();
        }

        var partnerships = await Partnerships.SchoolPartnershipLookup.ReadAsync(store, [listing.Id], query.Cohort, cancellationToken).ConfigureAwait(false);
        return EcfSchoolViews.For(listing, query.Cohort, partnerships.GetValueOrDefault(listing.Id));
    }
}
