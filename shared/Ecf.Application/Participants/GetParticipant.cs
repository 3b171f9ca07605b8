using Ecf.Application.Errors;
using Ecf.Application.ProviderViews;
using Ecf.Storage;

namespace Ecf.Application.Participants;

/// <summary>
/// <c>GET /api/v3/participants/ecf/{id}</c> and <c>/{id}/transfers</c>: a point read of the provider's view. A participant
/// this provider cannot see (another provider's, hidden, unknown) is the same not-found.
/// </summary>
public sealed class GetParticipantHandler(IDocumentStore store)
{
    public Task<Result<ReadOnlyMemory<byte>>> GetParticipantAsync(Guid leadProviderId, string id, CancellationToken cancellationToken = default) =>
        ReadAsync(leadProviderId, id, ProviderViewKinds.ParticipantId, cancellationToken);

    public Task<Result<ReadOnlyMemory<byte>>> GetTransferAsync(Guid leadProviderId, string id, CancellationToken cancellationToken = default) =>
        ReadAsync(leadProviderId, id, ProviderViewKinds.TransferId, cancellationToken);

    private Task<Result<ReadOnlyMemory<byte>>> ReadAsync(Guid leadProviderId, string id, Func<string, string> documentId, CancellationToken cancellationToken) =>
        ProviderViewResources.IsPlausibleId(id)
            ? ProviderViewResources.ReadAsync(store, leadProviderId, documentId(id), cancellationToken)
            : Task.FromResult<Result<ReadOnlyMemory<byte>>>(ApiError.NotFound());
}
