using System.Text.Json;
using Ecf.Application.ReferenceData;
using Ecf.Application.Storage;
using Ecf.Domain.People;
using Ecf.Storage;

namespace Ecf.Application.ProviderViews;

/// <summary>
/// Projects a person into the <c>provider-views</c> container. For each provider that could hold a view (those that see the
/// person now, those involved in any of its training, and, when the previous state is unknown, every ECF provider), it
/// reads the stored view and decides: nothing (an equal or newer view is there), a new or changed view, or a hidden one.
/// Writes are conditional (create, or replace with If-Match) and retried on a lost race, so the request path and the
/// change-feed projector can run at the same time. <c>updated_at</c> moves only when the rendered content changes. Enrolments
/// show the current delivery partner and status of their partnership (<see cref="IPartnershipFacts"/>) and the current URN of
/// their school (<see cref="ISchoolFacts"/>); the view records both (<see cref="ViewDependencies"/>) so that a change to either
/// re-projects the person (<see cref="ProviderViewDependents"/>).
/// </summary>
public sealed class ProviderViewWriter(IDocumentStore store, IReferenceData referenceData, IPartnershipFacts partnershipFacts, ISchoolFacts schoolFacts) : IProviderViewWriter
{
    private IDocumentContainer Container => store.GetContainer(EcfContainers.ProviderViews);

    public Task WriteAsync(Person? before, Person after, CancellationToken cancellationToken = default) => ProjectAsync(before, after, cancellationToken);

    /// <summary>Projects and returns how many view documents were written.</summary>
    public Task<int> ProjectAsync(Person? before, Person after, CancellationToken cancellationToken = default) => ProjectAsync(before, after, schoolFacts, cancellationToken);

    /// <summary>Projects with the school facts given (a projector run's cache) and returns how many view documents were written.</summary>
    public async Task<int> ProjectAsync(Person? before, Person after, ISchoolFacts schools, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(schools);
        var reference = await referenceData.GetSnapshotAsync(cancellationToken).ConfigureAwait(false);
        var facts = await partnershipFacts.GetAsync(ParticipantProjection.PartnershipIds(after), cancellationToken).ConfigureAwait(false);
        var urns = await schools.GetAsync(ParticipantProjection.SchoolIds(after), cancellationToken).ConfigureAwait(false);
        var participants = ParticipantProjection.Participants(after, facts, urns);

        var candidates = new HashSet<Guid>(participants.Keys);
        candidates.UnionWith(ParticipantProjection.ProvidersInvolved(before));
        candidates.UnionWith(ParticipantProjection.ProvidersInvolved(after));
        if (before is null)
        {
            candidates.UnionWith(reference.LeadProviders.Where(p => p.DeliversEcf).Select(p => p.Id));
        }

        var writes = 0;
        foreach (var provider in candidates.Order())
        {
            var partition = ProviderViewKinds.Partition(provider);
            var participant = participants.GetValueOrDefault(provider);
            if (await ProviderViewWrites.ApplyAsync(Container, partition, ProviderViewKinds.ParticipantId(after.PersonId), stored => DecideParticipant(stored, provider, after, participant), cancellationToken).ConfigureAwait(false))
            {
                writes++;
            }

            if (await ProviderViewWrites.ApplyAsync(Container, partition, ProviderViewKinds.TransferId(after.PersonId), stored => DecideTransfer(stored, provider, after, reference), cancellationToken).ConfigureAwait(false))
            {
                writes++;
            }

            if (participant is not null)
            {
                foreach (var change in after.ParticipantIdChanges)
                {
                    if (await ProviderViewWrites.ApplyAsync(Container, partition, ProviderViewKinds.AliasId(change.FromParticipantId), stored => DecideAlias(stored, provider, after), cancellationToken).ConfigureAwait(false))
                    {
                        writes++;
                    }
                }
            }
        }

        writes += await ProjectMenteesAsync(before, after, facts, candidates, cancellationToken).ConfigureAwait(false);
        writes += await RefreshOwnUnfundedMentorViewsAsync(after, reference, cancellationToken).ConfigureAwait(false);
        return writes;
    }

    /// <summary>
    /// As an ECT: for each mentor named now or before, records in each candidate provider's unfunded-mentor view of that mentor
    /// whether this person is one of the provider's visible ECTs the mentor currently mentors (reading the mentor: one point read).
    /// </summary>
    private async Task<int> ProjectMenteesAsync(
        Person? before, Person after, IReadOnlyDictionary<string, PartnershipFact> facts, IReadOnlySet<Guid> candidates, CancellationToken cancellationToken)
    {
        var mentorIds = new SortedSet<string>(UnfundedMentorProjection.MentorIds(before), StringComparer.Ordinal);
        mentorIds.UnionWith(UnfundedMentorProjection.MentorIds(after));
        mentorIds.Remove(after.PersonId);
        if (mentorIds.Count == 0)
        {
            return 0;
        }

        var current = UnfundedMentorProjection.CurrentMentors(after, facts);
        var people = store.GetContainer(EcfContainers.People);
        var writes = 0;
        foreach (var mentorId in mentorIds)
        {
            var document = await people.ReadAsync(mentorId, mentorId, cancellationToken).ConfigureAwait(false);
            if (document is null)
            {
                continue;
            }

            var mentor = document.As<Person>();
            foreach (var provider in candidates.Order())
            {
                var link = new MenteeLink(after.PersonId, after.TimelineSequence, current.TryGetValue(provider, out var mentors) && mentors.Contains(mentorId), after.UpdatedAt);
                if (await ProviderViewWrites.ApplyAsync(
                    Container,
                    ProviderViewKinds.Partition(provider),
                    ProviderViewKinds.UnfundedMentorId(mentorId),
                    stored => UnfundedMentorProjection.Decide(stored, provider, mentor, link),
                    cancellationToken).ConfigureAwait(false))
                {
                    writes++;
                }
            }
        }

        return writes;
    }

    /// <summary>As a mentor: refreshes the unfunded-mentor views ECF providers already hold of this person (content and visibility).</summary>
    private async Task<int> RefreshOwnUnfundedMentorViewsAsync(Person person, ReferenceDataSnapshot reference, CancellationToken cancellationToken)
    {
        if (!person.Participations.Any(p => p.Type == ParticipationTypes.Mentor))
        {
            return 0;
        }

        var writes = 0;
        foreach (var provider in reference.LeadProviders.Where(p => p.DeliversEcf).Select(p => p.Id).Order())
        {
            if (await ProviderViewWrites.ApplyAsync(
                Container,
                ProviderViewKinds.Partition(provider),
                ProviderViewKinds.UnfundedMentorId(person.PersonId),
                stored => stored is null ? null : UnfundedMentorProjection.Decide(stored, provider, person, null),
                cancellationToken).ConfigureAwait(false))
            {
                writes++;
            }
        }

        return writes;
    }

    /// <summary>The participant view a provider should hold, or null to leave the stored one as it is.</summary>
    public static ProviderViewDocument? DecideParticipant(ProviderViewDocument? stored, Guid provider, Person person, ProjectedParticipant? projected)
    {
        ArgumentNullException.ThrowIfNull(person);
        var version = person.TimelineSequence;
        if (stored is not null && stored.Version > version)
        {
            return null;
        }

        if (projected is null)
        {
            return ProviderViewWrites.Hide(stored, version);
        }

        var hash = Hash(projected);
        if (stored is { Hidden: false, UpdatedAt: { } storedUpdatedAt } && stored.ContentHash == hash)
        {
            var rendered = RenderParticipant(person.PersonId, projected, ProviderViewWrites.Parse(storedUpdatedAt));
            var intact = stored.Resource is { } resource && JsonElement.DeepEquals(resource, rendered)
                && stored.Cohort == projected.Cohort && stored.TrainingStatus == projected.TrainingStatus && stored.SortKey is not null
                && (stored.Cohorts ?? []).SequenceEqual(CohortsWhenSeveral(projected) ?? [])
                && (stored.TrainingStatuses ?? []).SequenceEqual(TrainingStatusesWhenSeveral(projected) ?? [], StringComparer.Ordinal)
                && SameIds(stored.PartnershipIds, projected.Dependencies.PartnershipIds) && SameIds(stored.SchoolIds, projected.Dependencies.SchoolIds);
            if (intact && stored.Version == version)
            {
                return null;
            }

            // Same content: a newer version (or a repaired document) keeps its updated_at.
            return ParticipantDocument(stored, provider, person, projected, hash, storedUpdatedAt, rendered);
        }

        // Changed content: updated_at moves to the latest change behind it (the person's, or a partnership's or school's).
        var changedAt = projected.Dependencies.ChangedAt is { } dependencyChange && dependencyChange > person.UpdatedAt ? dependencyChange : person.UpdatedAt;
        var updatedAt = ProviderViewWrites.Later(stored?.AnyUpdatedAt, changedAt);
        return ParticipantDocument(stored, provider, person, projected, hash, updatedAt, RenderParticipant(person.PersonId, projected, ProviderViewWrites.Parse(updatedAt)));
    }

    /// <summary>The transfer view a provider should hold (moves where it is the leaving or joining provider), or null to leave it.</summary>
    public static ProviderViewDocument? DecideTransfer(ProviderViewDocument? stored, Guid provider, Person person, ReferenceDataSnapshot reference)
    {
        ArgumentNullException.ThrowIfNull(person);
        var version = person.TimelineSequence;
        if (stored is not null && stored.Version > version)
        {
            return null;
        }

        var seen = stored?.TransferCreatedAt;
        var transfers = ParticipantProjection.Transfers(person, reference, id => seen is not null && seen.TryGetValue(id, out var at) ? at : person.UpdatedAt)
            .Where(t => t.LeavingProviderId == provider || t.JoiningProviderId == provider)
            .ToList();
        if (transfers.Count == 0)
        {
            return ProviderViewWrites.Hide(stored, version);
        }

        var entries = transfers.Select(t => t.Entry).ToList();
        var hash = ProviderViewWrites.Hash(entries);
        var createdAt = transfers.ToDictionary(t => t.JoiningPeriodId, t => t.Entry.CreatedAt, StringComparer.Ordinal);
        string updatedAt;
        JsonElement rendered;
        if (stored is { Hidden: false, TransferUpdatedAt: { } storedUpdatedAt } && stored.ContentHash == hash)
        {
            rendered = RenderTransfer(person.PersonId, entries, ProviderViewWrites.Parse(storedUpdatedAt));
            if (stored.Version == version && stored.TransferSortKey is not null && stored.Resource is { } resource && JsonElement.DeepEquals(resource, rendered))
            {
                return null;
            }

            updatedAt = storedUpdatedAt;
        }
        else
        {
            updatedAt = ProviderViewWrites.Later(stored?.AnyUpdatedAt, person.UpdatedAt);
            rendered = RenderTransfer(person.PersonId, entries, ProviderViewWrites.Parse(updatedAt));
        }

        return new ProviderViewDocument
        {
            Id = ProviderViewKinds.TransferId(person.PersonId),
            LeadProviderId = ProviderViewKinds.Partition(provider),
            Kind = ProviderViewKinds.Transfer,
            PersonId = person.PersonId,
            Version = version,
            ContentHash = hash,
            TransferSortKey = stored?.AnySortKey ?? V3Json.SortableTime(person.UpdatedAt),
            TransferUpdatedAt = updatedAt,
            TransferCreatedAt = createdAt,
            Resource = rendered,
        };
    }

    private static ProviderViewDocument? DecideAlias(ProviderViewDocument? stored, Guid provider, Person person) =>
        stored is not null && stored.PersonId == person.PersonId
            ? null
            : new ProviderViewDocument
            {
                Id = "",
                LeadProviderId = ProviderViewKinds.Partition(provider),
                Kind = ProviderViewKinds.Alias,
                PersonId = person.PersonId,
                Version = person.TimelineSequence,
            };

    /// <summary>The participant resource as the v3 API returns it.</summary>
    public static JsonElement RenderParticipant(string personId, ProjectedParticipant projected, DateTimeOffset updatedAt)
    {
        ArgumentNullException.ThrowIfNull(projected);
        var resource = new ParticipantResource(
            personId,
            "participant",
            new ParticipantAttributes(projected.FullName, projected.Trn, updatedAt, projected.Enrolments, projected.IdChanges));
        return JsonSerializer.SerializeToElement(resource, V3Json.Options);
    }

    public static JsonElement RenderTransfer(string personId, IReadOnlyList<TransferEntry> entries, DateTimeOffset updatedAt) =>
        JsonSerializer.SerializeToElement(new TransferResource(personId, "participant-transfer", new TransferAttributes(updatedAt, entries)), V3Json.Options);

    public static string Hash(ProjectedParticipant projected) => ProviderViewWrites.Hash(projected);

    private static ProviderViewDocument ParticipantDocument(
        ProviderViewDocument? stored, Guid provider, Person person, ProjectedParticipant projected, string hash, string updatedAt, JsonElement rendered) => new()
        {
            Id = ProviderViewKinds.ParticipantId(person.PersonId),
            LeadProviderId = ProviderViewKinds.Partition(provider),
            Kind = ProviderViewKinds.Participant,
            PersonId = person.PersonId,
            Version = person.TimelineSequence,
            ContentHash = hash,
            SortKey = stored?.AnySortKey ?? V3Json.SortableTime(person.UpdatedAt),
            UpdatedAt = updatedAt,
            Cohort = projected.Cohort,
            TrainingStatus = projected.TrainingStatus,
            Cohorts = CohortsWhenSeveral(projected),
            TrainingStatuses = TrainingStatusesWhenSeveral(projected),
            PartnershipIds = projected.Dependencies.PartnershipIds.Count == 0 ? null : projected.Dependencies.PartnershipIds,
            SchoolIds = projected.Dependencies.SchoolIds.Count == 0 ? null : projected.Dependencies.SchoolIds,
            PartnershipId = projected.Dependencies.PartnershipIds is [var partnershipId] ? partnershipId : null,
            SchoolId = projected.Dependencies.SchoolIds is [var schoolId] ? schoolId : null,
            ManyDependencies = projected.Dependencies.PartnershipIds.Count > 1 || projected.Dependencies.SchoolIds.Count > 1 ? true : null,
            Resource = rendered,
        };

    private static List<int>? CohortsWhenSeveral(ProjectedParticipant projected)
    {
        var cohorts = projected.Enrolments.Select(e => int.Parse(e.Cohort, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToList();
        return cohorts.Count > 1 ? cohorts : null;
    }

    private static List<string>? TrainingStatusesWhenSeveral(ProjectedParticipant projected)
    {
        var statuses = projected.Enrolments.Select(e => e.TrainingStatus).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return statuses.Count > 1 ? statuses : null;
    }

    private static bool SameIds(IReadOnlyList<string>? stored, IReadOnlyList<string> projected) => (stored ?? []).SequenceEqual(projected, StringComparer.Ordinal);
}
