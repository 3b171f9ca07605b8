using System.Text.Json;
using Ecf.Application.Declarations;
using Ecf.Application.ReferenceData;
using Ecf.Application.Statements;
using Ecf.Application.Storage;
using Ecf.Domain.Declarations;
using Ecf.Domain.People;
using Ecf.Storage;

namespace Ecf.Application.ProviderViews;

/// <summary>
/// Projects a person's declarations into the <c>provider-views</c> container (ADR 0007): for each declaration, a view
/// <c>declaration:&lt;id&gt;</c> in the partition of every provider that sees it (<see cref="DeclarationProjection"/>), holding the
/// pre-rendered v3 <c>participant-declaration</c> (its state derived from its statements' states), and a hidden tombstone for a
/// provider that saw it before and no longer does. The candidates are the providers that see it now, every provider of the
/// person's training before and after the change and, when the previous state is unknown (the projectors), every ECF provider;
/// their views are read in one multi-read. Ordered by the person's version, written conditionally, and <c>updated_at</c> moves
/// only when the rendered content changes, as for participants.
/// </summary>
public sealed class DeclarationViewWriter(IDocumentStore store, IReferenceData referenceData, IPartnershipFacts partnershipFacts, StatementDocuments statements)
    : IProviderViewWriter
{
    public Task WriteAsync(Person? before, Person after, CancellationToken cancellationToken = default) => ProjectAsync(before, after, cancellationToken);

    /// <summary>Projects and returns how many view documents were written (no reads at all for a person without declarations).</summary>
    public async Task<int> ProjectAsync(Person? before, Person after, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(after);
        var declarations = DeclarationProjection.All(after).ToList();
        if (declarations.Count == 0)
        {
            return 0;
        }

        var reference = await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var facts = await partnershipFacts.GetAsync(ParticipantProjection.PartnershipIds(after), cancellationToken).ConfigureAwait(false);
        var states = await statements.ReadStatesAsync(after, cancellationToken).ConfigureAwait(false);
        var candidates = new HashSet<Guid>(ParticipantProjection.ProvidersInvolved(before));
        candidates.UnionWith(ParticipantProjection.ProvidersInvolved(after));
        if (before is null)
        {
            candidates.UnionWith(reference.LeadProviders.Where(p => p.DeliversEcf).Select(p => p.Id));
        }

        var targets = new List<(Guid Provider, Declaration Declaration, bool Sees)>();
        foreach (var (participation, declaration) in declarations)
        {
            var seenBy = DeclarationProjection.SeenBy(participation, declaration, facts);
            targets.AddRange(candidates.Union(seenBy).Order().Select(provider => (provider, declaration, seenBy.Contains(provider))));
        }

        var container = store.GetContainer(EcfContainers.ProviderViews);
        var stored = await container.ReadManyAsync(
            [.. targets.Select(t => new DocumentKey(ProviderViewKinds.Partition(t.Provider), ProviderViewKinds.DeclarationId(t.Declaration.Id)))],
            cancellationToken).ConfigureAwait(false);
        var writes = 0;
        for (var i = 0; i < targets.Count; i++)
        {
            var (provider, declaration, sees) = targets[i];
            var name = reference.GetLeadProvider(declaration.LeadProviderId)?.Name ?? "";
            if (await ProviderViewWrites.ApplyAsync(
                container,
                ProviderViewKinds.Partition(provider),
                ProviderViewKinds.DeclarationId(declaration.Id),
                view => Decide(view, provider, after, declaration, sees ? name : null, states),
                cancellationToken,
                new ProviderViewWrites.PreRead(stored[i])).ConfigureAwait(false))
            {
                writes++;
            }
        }

        return writes;
    }

    /// <summary>
    /// The declaration view a provider should hold, or null to leave the stored one as it is.
    /// </summary>
    /// <param name="leadProviderName">The declaring provider's name; null when <paramref name="provider"/> does not see the declaration.</param>
    /// <param name="statementStates">The states of the statements the declaration is on (<see cref="DeclarationState.Effective"/>).</param>
    public static ProviderViewDocument? Decide(
        ProviderViewDocument? stored, Guid provider, Person person, Declaration declaration, string? leadProviderName, IReadOnlyDictionary<string, string> statementStates)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(declaration);
        var version = person.TimelineSequence;
        if (stored is not null && stored.Version > version)
        {
            return null;
        }

        if (leadProviderName is null)
        {
            return ProviderViewWrites.Hide(stored, version);
        }

        var hash = ProviderViewWrites.Hash(Render(person.PersonId, declaration, leadProviderName, statementStates, DateTimeOffset.UnixEpoch));
        var deliveryPartnerId = declaration.DeliveryPartnerId?.ToString("D");
        string updatedAt;
        JsonElement rendered;
        if (stored is { Hidden: false, DeclarationUpdatedAt: { } storedUpdatedAt } && stored.ContentHash == hash)
        {
            rendered = Render(person.PersonId, declaration, leadProviderName, statementStates, ProviderViewWrites.Parse(storedUpdatedAt));
            var intact = stored.Resource is { } resource && JsonElement.DeepEquals(resource, rendered)
                && stored.DeclarationSortKey is not null && stored.Cohort == declaration.Cohort && stored.DeliveryPartnerId == deliveryPartnerId;
            if (intact && stored.Version == version)
            {
                return null;
            }

            // Same content: a newer version (or a repaired document) keeps its updated_at.
            updatedAt = storedUpdatedAt;
        }
        else
        {
            // Changed content (or first seen): updated_at moves to the change behind it, never backwards.
            updatedAt = ProviderViewWrites.Later(stored?.AnyUpdatedAt, declaration.UpdatedAt > person.UpdatedAt ? declaration.UpdatedAt : person.UpdatedAt);
            rendered = Render(person.PersonId, declaration, leadProviderName, statementStates, ProviderViewWrites.Parse(updatedAt));
        }

        return new ProviderViewDocument
        {
            Id = ProviderViewKinds.DeclarationId(declaration.Id),
            LeadProviderId = ProviderViewKinds.Partition(provider),
            Kind = ProviderViewKinds.Declaration,
            PersonId = person.PersonId,
            Version = version,
            ContentHash = hash,
            DeclarationSortKey = stored?.AnySortKey ?? SortKey(declaration),
            DeclarationUpdatedAt = updatedAt,
            Cohort = declaration.Cohort,
            DeliveryPartnerId = deliveryPartnerId,
            Resource = rendered,
        };
    }

    /// <summary>The immutable order of declarations: <c>created_at</c>, then id.</summary>
    public static string SortKey(Declaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        return V3Json.SortableTime(declaration.CreatedAt) + " " + declaration.Id;
    }

    /// <summary>The declaration resource as the v3 API returns it.</summary>
    public static JsonElement Render(
        string personId, Declaration declaration, string leadProviderName, IReadOnlyDictionary<string, string> statementStates, DateTimeOffset updatedAt) =>
        JsonSerializer.SerializeToElement(DeclarationResource.From(personId, declaration, leadProviderName, statementStates, updatedAt), V3Json.Options);
}
