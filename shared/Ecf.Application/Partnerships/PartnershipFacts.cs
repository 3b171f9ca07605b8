using System.Collections.Concurrent;
using Ecf.Application.ProviderViews;
using Ecf.Domain.Partnerships;

namespace Ecf.Application.Partnerships;

/// <summary>The provider-view projection's source of partnership facts: parallel point reads of <see cref="PartnershipIndex"/> documents.</summary>
public sealed class PartnershipFacts(PartnershipDocuments documents) : IPartnershipFacts
{
    public async Task<IReadOnlyDictionary<string, PartnershipFact>> GetAsync(IReadOnlyCollection<string> partnershipIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partnershipIds);
        var facts = new ConcurrentDictionary<string, PartnershipFact>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(partnershipIds.Distinct(StringComparer.Ordinal), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            if (await documents.FindAsync(id, ct).ConfigureAwait(false) is { } index)
            {
                facts[id] = new PartnershipFact(id, index.LeadProviderId, index.DeliveryPartnerId, index.Status == PartnershipStatuses.Challenged, index.UpdatedAt);
            }
        }).ConfigureAwait(false);
        return facts;
    }
}
