using Ecf.Storage;
using Microsoft.Extensions.Logging;

namespace Ecf.Application.ReferenceData;

/// <summary>
/// Loads the seed into the <c>reference</c> container. Reads each seeded kind with one single-partition query, then writes
/// (bulk upsert) only documents that are missing or differ from the seed, deletes seeded-kind documents the seed no longer
/// has, and records the seed version in the marker document. Safe to run on every start and from several hosts at once.
/// </summary>
public sealed class ReferenceDataSeeder(
    IDocumentStore store,
    ReferenceSeedDocuments seed,
    TimeProvider timeProvider,
    ILogger<ReferenceDataSeeder> logger) : IReferenceDataSeeder
{
    private const int BulkChunk = 100;

    public async Task<ReferenceSeedResult> SeedAsync(CancellationToken cancellationToken = default)
    {
        var container = await ReferenceDataStore.GetContainerAsync(store, cancellationToken).ConfigureAwait(false);
        var operations = new List<DocumentOperation>();
        var written = 0;
        var removed = 0;
        foreach (var kind in ReferenceKinds.Seeded)
        {
            var stored = (await ReferenceDataStore.ReadPartitionAsync(container, kind, cancellationToken).ConfigureAwait(false))
                .ToDictionary(d => d.Id, StringComparer.Ordinal);
            var expected = seed.Documents.Where(d => d.Kind == kind).ToList();
            foreach (var document in expected)
            {
                if (!stored.TryGetValue(document.Id, out var current) || !document.Matches(current))
                {
                    operations.Add(DocumentOperation.Upsert(kind, document.Id, document.ToJson()));
                    written++;
                }
            }

            var expectedIds = expected.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var stale in stored.Keys.Where(id => !expectedIds.Contains(id)))
            {
                operations.Add(DocumentOperation.Delete(kind, stale));
                removed++;
            }
        }

        foreach (var chunk in operations.Chunk(BulkChunk))
        {
            var results = await container.BulkWriteAsync(chunk, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < results.Count; i++)
            {
                // A delete that finds nothing lost a race with another seeder: the outcome is the same.
                if (results[i].Error is { } error && !(chunk[i].Kind == DocumentOperationKind.Delete && error == DocumentStoreError.NotFound))
                {
                    throw new DocumentStoreException(error, $"Seeding reference document '{chunk[i].Id}' failed: {error}.") { OperationIndex = i };
                }
            }
        }

        var marker = await container.ReadAsync<ReferenceSeedMarker>(ReferenceKinds.Seed, ReferenceKinds.SeedMarkerId, cancellationToken).ConfigureAwait(false);
        if (marker is null || marker.Version != seed.Version || marker.Documents != seed.Documents.Count || operations.Count > 0)
        {
            var now = timeProvider.GetUtcNow();
            await container.UpsertAsync(
                ReferenceKinds.Seed,
                ReferenceKinds.SeedMarkerId,
                new ReferenceSeedMarker(ReferenceKinds.SeedMarkerId, ReferenceKinds.Seed, seed.Version, seed.Documents.Count, now),
                cancellationToken).ConfigureAwait(false);
        }

        logger.LogInformation(
            "Reference data seed {Version}: {Documents} documents, {Written} written, {Removed} removed.",
            seed.Version[..12],
            seed.Documents.Count,
            written,
            removed);
        return new ReferenceSeedResult(seed.Documents.Count, written) { Removed = removed };
    }
}
