using Ecf.Application.ProviderViews;
using Ecf.Application.ReferenceData;
using Ecf.Application.Storage;
using Ecf.Domain.People;
using Ecf.Storage;

namespace Ecf.Application.Archive;

/// <summary>
/// Hides an archived person from every lead provider (ADR 0007's hidden tombstone, ADR 0014). The person is first projected as it
/// now is for the providers, with no participations: that hides its participant and transfer views and takes it off the
/// unfunded-mentor views of its mentors. Then every view an ECF provider may still hold of it (participant, transfer,
/// unfunded mentor, the aliases of its old ids, its declarations) is replaced by a tombstone. The tombstones carry the next version
/// of the person, so a late projection of the removed record (the change-feed projector) cannot show it again.
/// </summary>
public sealed class ArchivedPersonViews(IDocumentStore store, IReferenceData referenceData, ProviderViewWriter writer, IEnumerable<IProviderViewWriter> writers)
{
    private IDocumentContainer Container => store.GetContainer(EcfContainers.ProviderViews);

    /// <summary>Hides <paramref name="person"/> from every provider; returns how many view documents were written.</summary>
    public async Task<int> HideAsync(Person person, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var version = person.TimelineSequence + 1;
        var withdrawn = person with { Participations = [], TimelineSequence = version, UpdatedAt = at };
        var writes = await writer.ProjectAsync(person, withdrawn, cancellationToken).ConfigureAwait(false);

        var reference = await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        List<string> ids =
        [
            ProviderViewKinds.ParticipantId(person.PersonId),
            ProviderViewKinds.TransferId(person.PersonId),
            ProviderViewKinds.UnfundedMentorId(person.PersonId),
            .. person.ParticipantIdChanges.Select(c => ProviderViewKinds.AliasId(c.FromParticipantId)),
            .. person.Participations.SelectMany(p => p.Declarations).Select(d => ProviderViewKinds.DeclarationId(d.Id)),
        ];
        var providers = new SortedSet<Guid>(reference.LeadProviders.Where(p => p.DeliversEcf).Select(p => p.Id));
        providers.UnionWith(person.Participations.SelectMany(p => p.Declarations).Select(d => d.LeadProviderId));
        var targets = providers.SelectMany(provider => ids.Select(id => new DocumentKey(ProviderViewKinds.Partition(provider), id))).ToList();
        var stored = await Container.ReadManyAsync(targets, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < targets.Count; i++)
        {
            if (stored[i] is null)
            {
                continue;
            }

            if (await ProviderViewWrites.ApplyAsync(
                Container,
                targets[i].PartitionKey,
                targets[i].Id,
                view => view is not null && view.Version > version ? null : ProviderViewWrites.Hide(view, version),
                cancellationToken,
                new ProviderViewWrites.PreRead(stored[i])).ConfigureAwait(false))
            {
                writes++;
            }
        }

        return writes;
    }

    /// <summary>Shows the person again as it is (an archive that turned out not to apply): the ordinary projection of both writers.</summary>
    public async Task RestoreAsync(Person person, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        foreach (var each in writers)
        {
            await each.WriteAsync(null, person, cancellationToken).ConfigureAwait(false);
        }
    }
}
