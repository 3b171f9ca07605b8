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

        var result = await container.QueryAsync(partition, From(query, start).WithPageSize(perPage), cancellationToken).ConfigureAwait(false);
        // The next page starts right after this page's last row, also when this page was the last one so far: rows written in
        // between (anywhere in the order) then neither repeat a row the client has just seen nor hide one still to come.
        if ((result.Continuation ?? After(result.Documents, query)) is { } next)
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
            var result = await container.QueryAsync(partition, From(query, continuation).WithPageSize(step), cancellationToken).ConfigureAwait(false);
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

    /// <summary>The continuation after the last of <paramref name="documents"/> in <paramref name="query"/>'s order; null if none.</summary>
    private static string? After(IReadOnlyList<StoredDocument> documents, DocumentQuery query)
    {
        if (documents.Count == 0)
        {
            return null;
        }

        var last = documents[^1];
        var orderValues = query.OrderBy.Select(order => KeysetContinuation.ValueAt(last.Json, order.Path) is { ValueKind: not System.Text.Json.JsonValueKind.Undefined } value
            ? value
            : System.Text.Json.JsonSerializer.SerializeToElement<object?>(null)).ToList();
        return new KeysetContinuation(orderValues, last.PartitionKey, last.Id).Encode();
    }

    /// <summary>
    /// The query continued after <paramref name="continuation"/>, plus a plain range filter on the first order key at the
    /// continuation's value (<c>&gt;=</c> ascending, <c>&lt;=</c> descending). It selects nothing the keyset predicate does not,
    /// but lets the store seek its (partition, key) index to the position instead of scanning from the partition's start.
    /// </summary>
    public static DocumentQuery From(DocumentQuery query, string? continuation)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (continuation is null)
        {
            return query;
        }

        var continued = query.WithContinuation(continuation);
        if (query.OrderBy.Count == 0)
        {
            return continued;
        }

        var position = KeysetContinuation.Decode(continuation, query.OrderBy.Count);
        var first = query.OrderBy[0];
        object? value = position.OrderValues[0].ValueKind switch
        {
            System.Text.Json.JsonValueKind.String => position.OrderValues[0].GetString(),
            System.Text.Json.JsonValueKind.Number when position.OrderValues[0].TryGetInt64(out var number) => number,
            _ => null,
        };
        return value is null
            ? continued
            : continued with { Filters = [.. continued.Filters, new QueryFilter(first.Path, first.Descending ? FilterOperator.LessThanOrEqual : FilterOperator.GreaterThanOrEqual, value)] };
    }
}
