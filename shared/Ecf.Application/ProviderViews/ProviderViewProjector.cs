using Ecf.Application.Storage;
using Ecf.Domain.People;
using Ecf.Storage;

namespace Ecf.Application.ProviderViews;

/// <param name="People">Person documents read from the change feed.</param>
/// <param name="Writes">View documents written (zero when every view was already right).</param>
public sealed record ProjectorRun(int People, int Writes);

/// <summary>
/// Repairs the provider views from the <c>people</c> container's change feed: each changed person is projected again
/// (idempotent by version and content), from the continuation saved in a checkpoint document, so a view write missed on
/// the request path is made later: its participant, transfer and unfunded-mentor views (<see cref="ProviderViewWriter"/>) and its
/// declaration views (<see cref="DeclarationViewWriter"/>). Timeline documents in the feed are skipped.
/// </summary>
public sealed class ProviderViewProjector(IDocumentStore store, ProviderViewWriter writer, DeclarationViewWriter declarations)
{
    /// <summary>The checkpoint's partition and id in <c>provider-views</c> (not a provider's partition).</summary>
    public const string CheckpointPartition = "projector";

    public const string CheckpointId = "checkpoint:people";

    private const int PageSize = 200;

    /// <summary>Reads the feed from the checkpoint to its end, projecting and saving the checkpoint after each page.</summary>
    public async Task<ProjectorRun> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var views = store.GetContainer(EcfContainers.ProviderViews);
        var people = store.GetContainer(EcfContainers.People);
        var checkpoint = await views.ReadAsync<ProjectorCheckpoint>(CheckpointPartition, CheckpointId, cancellationToken).ConfigureAwait(false);
        var continuation = checkpoint?.Continuation;
        int persons = 0, writes = 0;
        while (true)
        {
            var page = await people.ReadChangeFeedAsync(continuation, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var document in page.Documents)
            {
                if (KeysetContinuation.ValueAt(document.Json, "kind") is { ValueKind: System.Text.Json.JsonValueKind.String } kind && kind.GetString() == Person.DocumentKind)
                {
                    persons++;
                    var person = document.As<Person>();
                    writes += await writer.ProjectAsync(null, person, cancellationToken).ConfigureAwait(false);
                    writes += await declarations.ProjectAsync(null, person, cancellationToken).ConfigureAwait(false);
                }
            }

            if (page.Documents.Count == 0 || page.Continuation == continuation)
            {
                return new ProjectorRun(persons, writes);
            }

            continuation = page.Continuation;
            await views.UpsertAsync(CheckpointPartition, CheckpointId, new ProjectorCheckpoint(CheckpointId, CheckpointPartition, continuation), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Forgets the checkpoint, so the next run re-projects every person (a full repair).</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        var views = store.GetContainer(EcfContainers.ProviderViews);
        try
        {
            await views.DeleteAsync(CheckpointPartition, CheckpointId, null, cancellationToken).ConfigureAwait(false);
        }
        catch (DocumentStoreException ex) when (ex.Error == DocumentStoreError.NotFound)
        {
            // Nothing saved yet.
        }
    }
}

/// <summary>The projector's saved change-feed position.</summary>
public sealed record ProjectorCheckpoint(string Id, string LeadProviderId, string Continuation);
