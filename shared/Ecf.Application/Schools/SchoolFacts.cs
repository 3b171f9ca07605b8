using System.Collections.Concurrent;
using Ecf.Application.ProviderViews;

namespace Ecf.Application.Schools;

/// <summary>The provider-view projection's source of school facts: point reads of the school documents (parallel when several).</summary>
public sealed class SchoolFacts(SchoolDocuments documents) : ISchoolFacts
{
    public async Task<IReadOnlyDictionary<string, SchoolFact>> GetAsync(IReadOnlyCollection<string> schoolIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schoolIds);
        var facts = new ConcurrentDictionary<string, SchoolFact>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(schoolIds.Distinct(StringComparer.Ordinal), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            if (await documents.ReadAsync(id, ct).ConfigureAwait(false) is { } stored)
            {
                facts[id] = new SchoolFact(id, stored.School.Urn, stored.School.UpdatedAt);
            }
        }).ConfigureAwait(false);
        return facts;
    }
}
