using Ecf.Application.Storage;
using Ecf.Storage;

namespace Ecf.Application.Tokens;

/// <summary>Every token's metadata, oldest first. Never tokens or digests.</summary>
public sealed class ListApiTokensHandler(IDocumentStore store)
{
    public async Task<IReadOnlyList<ApiTokenSummary>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var container = store.GetContainer(EcfContainers.Reference);
        var query = DocumentQuery.All(pageSize: 500).OrderByAscending("createdAt");
        var summaries = new List<ApiTokenSummary>();
        while (true)
        {
            var page = await container.QueryAsync(ApiTokenDocument.PartitionKind, query, cancellationToken).ConfigureAwait(false);
            summaries.AddRange(page.Documents.Select(d => d.As<ApiTokenDocument>().ToSummary()));
            if (page.Continuation is null)
            {
                return summaries;
            }

            query = query.WithContinuation(page.Continuation);
        }
    }
}
