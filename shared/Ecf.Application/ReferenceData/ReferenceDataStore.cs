using Ecf.Application.Storage;
using Ecf.Storage;

namespace Ecf.Application.ReferenceData;

/// <summary>Shared reads of the <c>reference</c> container: every document of one kind, page by page, in one partition.</summary>
internal static class ReferenceDataStore
{
    private const int PageSize = 500;

    public static async Task<IDocumentContainer> GetContainerAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        await store.EnsureContainersAsync(EcfContainers.All.Where(c => c.Name == EcfContainers.Reference), cancellationToken).ConfigureAwait(false);
        return store.GetContainer(EcfContainers.Reference);
    }

    public static async Task<IReadOnlyList<StoredDocument>> ReadPartitionAsync(IDocumentContainer container, string kind, CancellationToken cancellationToken)
    {
        var documents = new List<StoredDocument>();
        var query = DocumentQuery.All(PageSize).WhereEquals("kind", kind);
        do
        {
            var page = await container.QueryAsync(kind, query, cancellationToken).ConfigureAwait(false);
            documents.AddRange(page.Documents);
            query = query.WithContinuation(page.Continuation);
        }
        while (query.Continuation is not null);

        return documents;
    }
}
