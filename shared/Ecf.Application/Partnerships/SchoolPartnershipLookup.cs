using System.Collections.Concurrent;
using Ecf.Application.Storage;
using Ecf.Domain.Partnerships;
using Ecf.Storage;

namespace Ecf.Application.Partnerships;

/// <summary>The schools' partnerships of one year, by school id: parallel point reads of <see cref="SchoolPartnerships"/> documents (absent: none).</summary>
public static class SchoolPartnershipLookup
{
    public static async Task<IReadOnlyDictionary<string, SchoolPartnerships>> ReadAsync(IDocumentStore store, IReadOnlyCollection<string> schoolIds, int contractYear, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(schoolIds);
        var container = store.GetContainer(EcfContainers.Schools);
        var found = new ConcurrentDictionary<string, SchoolPartnerships>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(schoolIds, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (schoolId, ct) =>
        {
            if (await container.ReadAsync<SchoolPartnerships>(schoolId, SchoolPartnerships.DocumentId(contractYear), ct).ConfigureAwait(false) is { } value)
            {
                found[schoolId] = value;
            }
        }).ConfigureAwait(false);
        return found;
    }
}
