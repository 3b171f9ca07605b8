using Ecf.Application.Errors;

namespace Ecf.Application.Partnerships;

/// <summary><c>GET /api/v3/partnerships/ecf/{id}</c>: a point read in the provider's own partition; another provider's id is not found.</summary>
public sealed class GetPartnershipHandler(PartnershipDocuments partnerships)
{
    public async Task<Result<PartnershipView>> HandleAsync(Guid leadProviderId, string partnershipId, CancellationToken cancellationToken = default) =>
        Guid.TryParse(partnershipId, out _) && await partnerships.ReadViewAsync(leadProviderId, partnershipId, cancellationToken).ConfigureAwait(false) is { } view
            ? view
            : ApiError.NotFound();
}
