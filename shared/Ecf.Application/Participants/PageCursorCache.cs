using System.Collections.Concurrent;

namespace Ecf.Application.Participants;

/// <summary>
/// Turns page numbers into keyset positions. ECF clients ask for <c>page[page]=N</c>; serving that with OFFSET costs more the
/// deeper the page (the slowness ECF fought, docs/domain.md#v3-paging). Each page served records where the next page starts (the
/// keyset continuation after its last row), so a client walking pages 1, 2, 3, ... gets every page by an index seek.
/// A page asked for without its start known is reached by walking from the nearest known start.
/// Entries are per query signature (provider, filters, sort, page size); the cache is bounded and simply cleared when full.
/// </summary>
public sealed class PageCursorCache
{
    public const int MaxEntries = 200_000;

    private readonly ConcurrentDictionary<(string Signature, int Page), string> _starts = new();

    public bool TryGet(string signature, int page, out string continuation) => _starts.TryGetValue((signature, page), out continuation!);

    public void Set(string signature, int page, string continuation)
    {
        if (_starts.Count >= MaxEntries)
        {
            _starts.Clear();
        }

        _starts[(signature, page)] = continuation;
    }

    /// <summary>The highest page below <paramref name="page"/> whose start is known, with its continuation; (1, null) if none.</summary>
    public (int Page, string? Continuation) NearestBelow(string signature, int page)
    {
        // Sequential clients hit the page just below; look back a little before falling back to the first page.
        for (var candidate = page - 1; candidate > 1 && candidate >= page - 64; candidate--)
        {
            if (_starts.TryGetValue((signature, candidate), out var continuation))
            {
                return (candidate, continuation);
            }
        }

        return (1, null);
    }
}
