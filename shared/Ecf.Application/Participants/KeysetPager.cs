using Ecf.Application.ProviderViews;
using Ecf.Storage;

namespace Ecf.Application.Participants;

/// <summary>
/// Serves ECF's numbered pages (<c>page[page]</c>, <c>page[per_page]</c>, countless) from keyset queries: the start of page N
/// is the continuation after page N-1, remembered in <see cref="PageCursorCache"/>; an unknown start is reached by walking
/// from the nearest known one in large steps. Returns the pages' pre-rendered resources.
/// </summary>
public sealed class KeysetPager(PageCursorCache cursors)
{
    private const int WalkRows = 6_000;

    public async Task<IReadOnlyList<ReadOnlyMemory<byte>>> PageAsync(
        IDocumentContainer container, string partition, DocumentQuery query, string signature, int page, int perPage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(query);
        string? start = null;
        if (page > 1 && !cursors.TryGet(signature, page, out start))
        {
            start = await WalkToAsync(container, partition, query, signature, page, perPage, cancellationToken).ConfigureAwait(false);
            if (start is null)
            {
                return [];
            }
        }

        var result = await container.QueryAsync(partition, query.WithPageSize(perPage).WithContinuation(start), cancellationToken).ConfigureAwait(false);
        if (result.Continuation is { } next)
        {
            cursors.Set(signature, page + 1, next);
        }

        var resources = new List<ReadOnlyMemory<byte>>(result.Documents.Count);
        foreach (var document in result.Documents)
        {
            var resource = ProviderViewResources.Extract(document.Json);
            if (!resource.IsEmpty)
            {
                resources.Add(resource);
            }
        }

        return resources;
    }

    private async Task<string?> WalkToAsync(
        IDocumentContainer container, string partition, DocumentQuery query, string signature, int page, int perPage, CancellationToken cancellationToken)
    {
        var (known, continuation) = cursors.NearestBelow(signature, page);
        var position = (long)(known - 1) * perPage;
        var target = (long)(page - 1) * perPage;
        var stride = Math.Max(perPage, WalkRows / perPage * perPage);
        while (position < target)
        {
            var step = (int)Math.Min(target - position, stride);
            var result = await container.QueryAsync(partition, query.WithPageSize(step).WithContinuation(continuation), cancellationToken).ConfigureAwait(false);
            if (result.Continuation is null || result.Documents.Count < step)
            {
                return null;
            }

            position += step;
            continuation = result.Continuation;
            cursors.Set(signature, (int)(position / perPage) + 1, continuation);
        }

        return continuation;
    }
}
