using System.Runtime.CompilerServices;

namespace Ecf.Durable;

/// <summary>A sequence fetched a page at a time; enumerate it, or walk <see cref="AsPages"/> to keep continuation tokens.</summary>
public abstract class AsyncPageable<T> : IAsyncEnumerable<T>
    where T : notnull
{
    public abstract IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null);

    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var value in page.Values)
            {
                yield return value;
            }
        }
    }
}

/// <summary>One page of an <see cref="AsyncPageable{T}"/>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Values, string? ContinuationToken)
    where T : notnull;

/// <summary>Builds an <see cref="AsyncPageable{T}"/> from a page-fetching function.</summary>
public static class Pageable
{
    public static AsyncPageable<T> Create<T>(Func<string?, int?, CancellationToken, Task<Page<T>>> pageFunc)
        where T : notnull => new FuncPageable<T>(pageFunc);

    private sealed class FuncPageable<T>(Func<string?, int?, CancellationToken, Task<Page<T>>> pageFunc) : AsyncPageable<T>
        where T : notnull
    {
        public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null) =>
            Pages(continuationToken, pageSizeHint, CancellationToken.None);

        private async IAsyncEnumerable<Page<T>> Pages(string? continuationToken, int? pageSizeHint, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var token = continuationToken;
            do
            {
                var page = await pageFunc(token, pageSizeHint, cancellationToken).ConfigureAwait(false);
                yield return page;
                token = page.ContinuationToken;
            }
            while (!string.IsNullOrEmpty(token));
        }
    }
}
