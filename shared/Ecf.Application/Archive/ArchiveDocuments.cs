using Ecf.Application.People;
using Ecf.Application.Storage;
using Ecf.Domain.People;
using Ecf.Storage;

namespace Ecf.Application.Archive;

/// <summary>
/// The store side of archiving (ADR 0014): the queries that find a frozen year's people, the archive document, the archived-TRN
/// marker, and the removal of a person (document and timeline) and of its TRN reservation. Every step is idempotent.
/// </summary>
public sealed class ArchiveDocuments(IDocumentStore store)
{
    /// <summary>Operations per transactional batch (Cosmos DB allows 100).</summary>
    private const int MaxBatch = 100;

    private IDocumentContainer People => store.GetContainer(EcfContainers.People);

    private IDocumentContainer Identifiers => store.GetContainer(EcfContainers.Identifiers);

    private IDocumentContainer Archive => store.GetContainer(EcfContainers.Archive);

    /// <summary>
    /// One page of the people whose ECT (or mentor) participation's latest training is paid from <paramref name="contractYear"/>:
    /// a cross-partition query on the indexed <c>latestEctContractYear</c> / <c>latestMentorContractYear</c>, in partition order.
    /// </summary>
    public async Task<(IReadOnlyList<StoredPerson> People, string? Continuation)> FindByLatestContractYearAsync(
        string participationType, int contractYear, string? continuation, int pageSize, CancellationToken cancellationToken = default)
    {
        var path = participationType == ParticipationTypes.Mentor ? EcfContainers.PeopleLatestMentorContractYear : EcfContainers.PeopleLatestEctContractYear;
        var query = DocumentQuery.All(pageSize).WhereEquals(path, contractYear).OrderByAscending(path).WithContinuation(continuation);
        var page = await People.QueryCrossPartitionAsync(query, cancellationToken).ConfigureAwait(false);
        return ([.. page.Documents.Select(d => new StoredPerson(d.As<Person>(), d.ETag))], page.Continuation);
    }

    /// <summary>True when some ECT's mentorship period names <paramref name="mentorPersonId"/> (now or before).</summary>
    public async Task<bool> MentoredAnEctAsync(string mentorPersonId, CancellationToken cancellationToken = default)
    {
        var query = DocumentQuery.All(1).WhereEquals("kind", Person.DocumentKind).Where(EcfContainers.PeopleMentorPersonIds, FilterOperator.ArrayContains, mentorPersonId);
        var page = await People.QueryCrossPartitionAsync(query, cancellationToken).ConfigureAwait(false);
        return page.Documents.Count > 0;
    }

    /// <summary>One page of the people archived from <paramref name="contractYear"/> (to finish what a crashed run started).</summary>
    public async Task<(IReadOnlyList<ArchivedPerson> Archived, string? Continuation)> FindArchivedAsync(
        int contractYear, string? continuation, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = DocumentQuery.All(pageSize).WhereEquals(EcfContainers.ArchiveContractYear, contractYear)
            .OrderByAscending(EcfContainers.ArchiveContractYear).WithContinuation(continuation);
        var page = await Archive.QueryCrossPartitionAsync(query, cancellationToken).ConfigureAwait(false);
        return ([.. page.Documents.Select(d => d.As<ArchivedPerson>())], page.Continuation);
    }

    public Task<ArchivedPerson?> ReadAsync(string personId, CancellationToken cancellationToken = default) =>
        Archive.ReadAsync<ArchivedPerson>(personId, personId, cancellationToken);

    /// <summary>
    /// Writes the archive document: created, or left as it is when it already holds this version of the person, or replaced
    /// when the person changed since (the archive holds the record as it is removed).
    /// </summary>
    public async Task WriteAsync(ArchivedPerson archived, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(archived);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Archive.CreateAsync(archived.PersonId, archived.Id, archived, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DocumentStoreException ex) when (ex.Error == DocumentStoreError.Conflict)
            {
                var stored = await Archive.ReadAsync(archived.PersonId, archived.Id, cancellationToken).ConfigureAwait(false);
                if (stored is null)
                {
                    continue;
                }

                var existing = stored.As<ArchivedPerson>();
                if (existing.Person.TimelineSequence == archived.Person.TimelineSequence && existing.Timeline.Count == archived.Timeline.Count)
                {
                    return;
                }

                try
                {
                    await Archive.ReplaceAsync(archived.PersonId, archived.Id, archived, stored.ETag, cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (DocumentStoreException race) when (race.Error is DocumentStoreError.PreconditionFailed or DocumentStoreError.NotFound && attempt < 5)
                {
                    // Another run wrote it meanwhile: look again.
                }
            }
        }
    }

    /// <summary>Deletes the archive document (the person turned out not to be archivable after all).</summary>
    public async Task DeleteAsync(string personId, CancellationToken cancellationToken = default)
    {
        try
        {
            await Archive.DeleteAsync(personId, personId, null, cancellationToken).ConfigureAwait(false);
        }
        catch (DocumentStoreException ex) when (ex.Error == DocumentStoreError.NotFound)
        {
            // Already gone.
        }
    }

    /// <summary>
    /// Removes the person document (If-Match <paramref name="etag"/>) with its timeline events, in batches of the partition: the
    /// person and the first events atomically, then any further events. False when the person changed since it was read
    /// (nothing removed); true when removed, or already gone.
    /// </summary>
    public async Task<bool> RemovePersonAsync(string personId, string etag, IReadOnlyList<string> eventIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        var first = new List<DocumentOperation> { DocumentOperation.Delete(personId, personId, etag) };
        first.AddRange(eventIds.Take(MaxBatch - 1).Select(id => DocumentOperation.Delete(personId, id)));
        try
        {
            await People.ExecuteBatchAsync(personId, first, cancellationToken).ConfigureAwait(false);
        }
        catch (DocumentStoreException ex) when (ex.Error == DocumentStoreError.PreconditionFailed)
        {
            return false;
        }
        catch (DocumentStoreException ex) when (ex.Error == DocumentStoreError.NotFound)
        {
            if (await People.ReadAsync(personId, personId, cancellationToken).ConfigureAwait(false) is not null)
            {
                throw;
            }
        }

        await RemoveTimelineAsync(personId, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Deletes whatever timeline events are left in the person's partition (a removal that stopped part way).</summary>
    public async Task RemoveTimelineAsync(string personId, CancellationToken cancellationToken = default)
    {
        var query = DocumentQuery.All(MaxBatch).WhereEquals("kind", PersonEvent.DocumentKind);
        while (true)
        {
            var page = await People.QueryAsync(personId, query, cancellationToken).ConfigureAwait(false);
            if (page.Documents.Count == 0)
            {
                return;
            }

            var results = await People.BulkWriteAsync([.. page.Documents.Select(d => DocumentOperation.Delete(personId, d.Id))], cancellationToken).ConfigureAwait(false);
            if (results.FirstOrDefault(r => r.Error is { } error && error != DocumentStoreError.NotFound) is { Error: { } failed })
            {
                throw new DocumentStoreException(failed, $"Removing the timeline of archived person {personId} failed.");
            }
        }
    }

    /// <summary>
    /// Records that <paramref name="trn"/> last belonged to the archived person, unless a later archive of the TRN is recorded.
    /// </summary>
    public async Task MarkTrnArchivedAsync(string trn, ArchivedPerson archived, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(archived);
        var id = ArchivedTrn.DocumentId(trn);
        var marker = new ArchivedTrn { Id = id, PersonId = archived.PersonId, ParticipantIdChanges = archived.Person.ParticipantIdChanges, ArchivedAt = archived.ArchivedAt };
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var stored = await Identifiers.ReadAsync(id, id, cancellationToken).ConfigureAwait(false);
            try
            {
                if (stored is null)
                {
                    await Identifiers.CreateAsync(id, id, marker, cancellationToken).ConfigureAwait(false);
                    return;
                }

                var existing = stored.As<ArchivedTrn>();
                if (existing.PersonId == archived.PersonId || existing.ArchivedAt > archived.ArchivedAt)
                {
                    return;
                }

                await Identifiers.ReplaceAsync(id, id, marker, stored.ETag, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DocumentStoreException ex) when (ex.Error is DocumentStoreError.Conflict or DocumentStoreError.PreconditionFailed or DocumentStoreError.NotFound)
            {
                // Raced with another writer of the marker: look again.
            }
        }
    }

    /// <summary>The archived person <paramref name="trn"/> last belonged to, or null.</summary>
    public async Task<ArchivedTrn?> FindArchivedTrnAsync(string trn, CancellationToken cancellationToken = default)
    {
        var id = ArchivedTrn.DocumentId(trn);
        return await Identifiers.ReadAsync<ArchivedTrn>(id, id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the TRN reservation if it still names <paramref name="personId"/>, so the next registration of the TRN makes a new
    /// person. A reservation of another person is left alone.
    /// </summary>
    public async Task ReleaseTrnAsync(string trn, string personId, CancellationToken cancellationToken = default)
    {
        var id = TrnReservation.DocumentId(trn);
        var stored = await Identifiers.ReadAsync(id, id, cancellationToken).ConfigureAwait(false);
        if (stored is null || stored.As<TrnReservation>().PersonId != personId)
        {
            return;
        }

        try
        {
            await Identifiers.DeleteAsync(id, id, stored.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (DocumentStoreException ex) when (ex.Error is DocumentStoreError.NotFound or DocumentStoreError.PreconditionFailed)
        {
            // Released by another run, or the TRN was reserved again meanwhile.
        }
    }
}
