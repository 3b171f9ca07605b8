using Ecf.Application.Storage;
using Ecf.Domain.Partnerships;
using Ecf.Domain.Schools;
using Ecf.Storage;

namespace Ecf.Application.Schools;

/// <summary>
/// Reads and writes school documents. A URN's lookup is a point read of the document at <see cref="SchoolIds.ForUrn"/>: the school
/// itself, or (after academisation) a <see cref="SchoolStatus.Superseded"/> record naming the school that took the URN over,
/// followed with one more point read. That document is the URN's reservation (ADR 0005).
/// </summary>
public sealed class SchoolDocuments(IDocumentStore store)
{
    private IDocumentContainer Container => store.GetContainer(EcfContainers.Schools);

    public async Task<StoredSchool?> ReadAsync(string schoolId, CancellationToken cancellationToken = default)
    {
        var document = await Container.ReadAsync(schoolId, schoolId, cancellationToken).ConfigureAwait(false);
        return document is null ? null : new StoredSchool(document.As<School>(), document.ETag);
    }

    /// <summary>The school's pupil premium and sparsity uplifts for a cohort, if the year's file named it.</summary>
    public Task<SchoolUplifts?> ReadUpliftsAsync(string schoolId, int year, CancellationToken cancellationToken = default) =>
        Container.ReadAsync<SchoolUplifts>(schoolId, SchoolUplifts.DocumentId(year), cancellationToken);

    /// <summary>The school that holds <paramref name="urn"/> now or held it before, following a superseded record once.</summary>
    public async Task<StoredSchool?> FindByUrnAsync(int urn, CancellationToken cancellationToken = default)
    {
        var stored = await ReadAsync(SchoolIds.ForUrn(urn), cancellationToken).ConfigureAwait(false);
        if (stored?.School is { Status: SchoolStatus.Superseded, SupersededBySchoolId: { } continuing })
        {
            return await ReadAsync(continuing, cancellationToken).ConfigureAwait(false) ?? stored;
        }

        return stored;
    }

    /// <summary>
    /// Finds many URNs: the URNs' documents in multi-reads (<see cref="IDocumentContainer.ReadManyAsync"/>, one statement per chunk
    /// on the embedded store; at most <paramref name="parallelism"/> chunks at a time), then the continuing schools of superseded
    /// records the same way. Same answers as <see cref="FindByUrnAsync"/> for each URN.
    /// </summary>
    public async Task<Dictionary<int, StoredSchool?>> FindByUrnsAsync(IReadOnlyCollection<int> urns, int parallelism, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(urns);
        var distinct = urns.Distinct().ToList();
        var direct = await ReadManyAsync(distinct.Select(SchoolIds.ForUrn).ToList(), parallelism, cancellationToken).ConfigureAwait(false);
        var continuing = direct
            .Where(s => s?.School is { Status: SchoolStatus.Superseded, SupersededBySchoolId: not null })
            .Select(s => s!.School.SupersededBySchoolId!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var followed = continuing.Count == 0 ? [] : await ReadManyAsync(continuing, parallelism, cancellationToken).ConfigureAwait(false);
        var byId = new Dictionary<string, StoredSchool>(StringComparer.Ordinal);
        for (var i = 0; i < continuing.Count; i++)
        {
            if (followed[i] is { } school)
            {
                byId[continuing[i]] = school;
            }
        }

        var results = new Dictionary<int, StoredSchool?>(distinct.Count);
        for (var i = 0; i < distinct.Count; i++)
        {
            var stored = direct[i];
            results[distinct[i]] = stored?.School is { Status: SchoolStatus.Superseded, SupersededBySchoolId: { } next } && byId.TryGetValue(next, out var school)
                ? school
                : stored;
        }

        return results;
    }

    private async Task<StoredSchool?[]> ReadManyAsync(List<string> schoolIds, int parallelism, CancellationToken cancellationToken)
    {
        const int MinChunk = 500;
        var results = new StoredSchool?[schoolIds.Count];
        var chunk = Math.Max(MinChunk, (schoolIds.Count + Math.Max(1, parallelism) - 1) / Math.Max(1, parallelism));
        var starts = Enumerable.Range(0, (schoolIds.Count + chunk - 1) / chunk).Select(c => c * chunk);
        await Parallel.ForEachAsync(starts, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken }, async (start, ct) =>
        {
            var count = Math.Min(chunk, schoolIds.Count - start);
            var keys = new DocumentKey[count];
            for (var i = 0; i < count; i++)
            {
                keys[i] = new DocumentKey(schoolIds[start + i], schoolIds[start + i]);
            }

            var documents = await Container.ReadManyAsync(keys, ct).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                results[start + i] = documents[i] is { } document ? new StoredSchool(document.As<School>(), document.ETag) : null;
            }
        }).ConfigureAwait(false);
        return results;
    }

    /// <summary>
    /// Writes changed schools: their listing rows first (upserts, idempotent), then the schools themselves (create for new,
    /// replace with If-Match for existing). Returns the schools whose write lost a race (409/412), to be decided again.
    /// </summary>
    public async Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<(School School, string? ETag)> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return [];
        }

        var listings = changes
            .Select(c => DocumentOperation.Upsert(SchoolListing.Partition, c.School.SchoolId, DocumentJson.Serialize(SchoolListing.From(c.School))))
            .ToList();
        var listingResults = await Container.BulkWriteAsync(listings, cancellationToken).ConfigureAwait(false);
        ThrowOnUnexpected(listingResults);

        var operations = changes
            .Select(c => c.ETag is null
                ? DocumentOperation.Create(c.School.SchoolId, c.School.SchoolId, DocumentJson.Serialize(c.School))
                : DocumentOperation.Replace(c.School.SchoolId, c.School.SchoolId, DocumentJson.Serialize(c.School), c.ETag))
            .ToList();
        var results = await Container.BulkWriteAsync(operations, cancellationToken).ConfigureAwait(false);
        var lost = new List<string>();
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].Error is DocumentStoreError.Conflict or DocumentStoreError.PreconditionFailed or DocumentStoreError.NotFound)
            {
                lost.Add(changes[i].School.SchoolId);
            }
            else if (!results[i].Succeeded)
            {
                throw new DocumentStoreException(results[i].Error!.Value, $"Writing school {changes[i].School.SchoolId} failed: {results[i].Error}.");
            }
        }

        return lost;
    }

    /// <summary>
    /// After a school's partnerships document of a year was written: when what lead providers see of the school that year changed
    /// (<see cref="SchoolPartnerships.SchoolViewUpdatedAt"/> moved), moves the school's <see cref="School.CohortsUpdatedAt"/> and so
    /// its listing row's <c>updated_at</c> (<see cref="MarkCohortsUpdatedAsync"/>).
    /// </summary>
    public Task SchoolViewChangedAsync(SchoolPartnerships? before, SchoolPartnerships after, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(after);
        return after.SchoolViewUpdatedAt is { } at && at != before?.SchoolViewUpdatedAt
            ? MarkCohortsUpdatedAsync(after.SchoolId, at, cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>
    /// Moves the school's <see cref="School.CohortsUpdatedAt"/> to at least <paramref name="at"/>, written as the GIAS import writes
    /// schools (<see cref="WriteAsync"/>: the listing row, then the school with If-Match), decided again when another writer won.
    /// Idempotent: false when it was already there. The partnerships repair calls it too, so a crash before it is repaired.
    /// </summary>
    public async Task<bool> MarkCohortsUpdatedAsync(string schoolId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        const int MaxAttempts = 10;
        for (var attempt = 1; ; attempt++)
        {
            if (await ReadAsync(schoolId, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return false;
            }

            if (stored.School.CohortsUpdatedAt >= at)
            {
                if (attempt > 1)
                {
                    // A lost race wrote this attempt's listing row from an older school; write it from the current one.
                    await Container.UpsertAsync(SchoolListing.Partition, schoolId, SchoolListing.From(stored.School), cancellationToken).ConfigureAwait(false);
                }

                return false;
            }

            var lost = await WriteAsync([(stored.School with { CohortsUpdatedAt = at }, stored.ETag)], cancellationToken).ConfigureAwait(false);
            if (lost.Count == 0)
            {
                return true;
            }

            if (attempt == MaxAttempts)
            {
                throw new DocumentStoreException(DocumentStoreError.PreconditionFailed, $"School {schoolId} kept changing while its cohorts' updated_at was moved.");
            }
        }
    }

    /// <summary>
    /// Records that people are registered at <paramref name="schoolId"/> (<see cref="SchoolRegistrationMarker"/>): a point read,
    /// and a create the first time. Called by a registration before it writes the person.
    /// </summary>
    public async Task MarkRegisteredAsync(string schoolId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (await Container.ReadAsync(schoolId, SchoolRegistrationMarker.DocumentId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        try
        {
            await Container.CreateAsync(schoolId, SchoolRegistrationMarker.DocumentId, new SchoolRegistrationMarker { SchoolId = schoolId, CreatedAt = at }, cancellationToken).ConfigureAwait(false);
        }
        catch (DocumentStoreException ex) when (ex.Error == DocumentStoreError.Conflict)
        {
            // Another registration at this school wrote it first.
        }
    }

    /// <summary>
    /// True when people have been registered at the school or it has had partnerships (any year): one single-partition query
    /// for a <see cref="SchoolRegistrationMarker"/> or a partnerships document. Neither is ever deleted.
    /// </summary>
    public async Task<bool> HasRegistrationsOrPartnershipsAsync(string schoolId, CancellationToken cancellationToken = default)
    {
        var query = DocumentQuery.All(1).Where("kind", FilterOperator.In, new List<object> { SchoolRegistrationMarker.DocumentKind, SchoolPartnerships.DocumentKind });
        var page = await Container.QueryAsync(schoolId, query, cancellationToken).ConfigureAwait(false);
        return page.Documents.Count > 0;
    }

    private static void ThrowOnUnexpected(IReadOnlyList<BulkResult> results)
    {
        foreach (var result in results)
        {
            if (!result.Succeeded)
            {
                throw new DocumentStoreException(result.Error!.Value, $"Writing a school listing failed: {result.Error}.");
            }
        }
    }
}
