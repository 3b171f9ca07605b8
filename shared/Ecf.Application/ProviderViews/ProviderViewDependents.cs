using Ecf.Application.ReferenceData;
using Ecf.Application.Storage;
using Ecf.Domain.People;
using Ecf.Storage;

namespace Ecf.Application.ProviderViews;

/// <summary>
/// Re-projects the people whose participant views depend on a partnership or a school that changed. A view names what it
/// depends on (<see cref="ProviderViewDocument.PartnershipIds"/>, <see cref="ProviderViewDocument.SchoolIds"/>), so finding
/// them takes two single-partition queries: an index seek on the scalar copy (<see cref="ProviderViewDocument.PartnershipId"/>,
/// <see cref="ProviderViewDocument.SchoolId"/>) held by views with one dependency of the kind, and an
/// <see cref="FilterOperator.ArrayContains"/> search among the few views with several (<see cref="ProviderViewDocument.ManyDependencies"/>),
/// in the partnership's provider's partition or (for a school) in each ECF provider's. Re-projection is the writers', idempotent (participant
/// views and declaration views, which a challenge hides from the provider): people whose views are already right cost reads only.
/// </summary>
public sealed class ProviderViewDependents(
    IDocumentStore store, ProviderViewWriter writer, DeclarationViewWriter declarations, IReferenceData referenceData, ISchoolFacts schoolFacts)
{
    private const int PageSize = 500;

    /// <summary>After a partnership's status or delivery partner changed: re-projects the people its provider sees through it.</summary>
    public Task<ProjectorRun> PartnershipChangedAsync(string partnershipId, Guid leadProviderId, CancellationToken cancellationToken = default) =>
        PartnershipChangedAsync(partnershipId, leadProviderId, schoolFacts, cancellationToken);

    /// <inheritdoc cref="PartnershipChangedAsync(string, Guid, CancellationToken)"/>
    public async Task<ProjectorRun> PartnershipChangedAsync(string partnershipId, Guid leadProviderId, ISchoolFacts schools, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partnershipId);
        var people = await DependentsAsync(ProviderViewKinds.Partition(leadProviderId), "partnershipId", "partnershipIds", partnershipId, cancellationToken).ConfigureAwait(false);
        return await ReprojectAsync(people, schools, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>After a school's URN changed: re-projects the people whose enrolments show the school, in every ECF provider's views.</summary>
    public async Task<ProjectorRun> SchoolChangedAsync(string schoolId, ISchoolFacts schools, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schoolId);
        var reference = await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var people = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var provider in reference.LeadProviders.Where(p => p.DeliversEcf).Select(p => p.Id).Order())
        {
            people.UnionWith(await DependentsAsync(ProviderViewKinds.Partition(provider), "schoolId", "schoolIds", schoolId, cancellationToken).ConfigureAwait(false));
        }

        return await ReprojectAsync(people, schools, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SortedSet<string>> DependentsAsync(string partition, string scalarPath, string arrayPath, string id, CancellationToken cancellationToken)
    {
        var views = store.GetContainer(EcfContainers.ProviderViews);
        var people = new SortedSet<string>(StringComparer.Ordinal);
        DocumentQuery[] queries =
        [
            DocumentQuery.All(PageSize).WhereEquals(scalarPath, id).WhereEquals("kind", ProviderViewKinds.Participant),
            DocumentQuery.All(PageSize).WhereEquals("manyDependencies", true).WhereEquals("kind", ProviderViewKinds.Participant).Where(arrayPath, FilterOperator.ArrayContains, id),
        ];
        foreach (var query in queries)
        {
            string? continuation = null;
            do
            {
                var page = await views.QueryAsync(partition, query.WithContinuation(continuation), cancellationToken).ConfigureAwait(false);
                foreach (var document in page.Documents)
                {
                    people.Add(document.As<ProviderViewDocument>().PersonId);
                }

                continuation = page.Continuation;
            }
            while (continuation is not null);
        }

        return people;
    }

    private async Task<ProjectorRun> ReprojectAsync(IEnumerable<string> personIds, ISchoolFacts schools, CancellationToken cancellationToken)
    {
        var people = store.GetContainer(EcfContainers.People);
        int read = 0, writes = 0;
        foreach (var personId in personIds)
        {
            var document = await people.ReadAsync(personId, personId, cancellationToken).ConfigureAwait(false);
            if (document is null)
            {
                continue;
            }

            read++;
            var person = document.As<Person>();
            writes += await writer.ProjectAsync(null, person, schools, cancellationToken).ConfigureAwait(false);
            writes += await declarations.ProjectAsync(null, person, cancellationToken).ConfigureAwait(false); // a challenge hides them from the provider
        }

        return new ProjectorRun(read, writes);
    }
}
