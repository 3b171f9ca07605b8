using Microsoft.Azure.Cosmos;

namespace Ecf.Storage.Tests.Cosmos;

/// <summary>
/// Client-side workarounds for defects of the Cosmos-protocol test server, applied only by <see cref="CosmosServerFixture"/>
/// (never by the product). Each names the defect it hides, so it can go when the server is fixed.
/// </summary>
public static class CosmosServerWorkarounds
{
    public static void Apply(CosmosClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.CustomHandlers.Add(new PointReadOfMissingDocumentHandler());
    }

    /// <summary>
    /// @vercel/cosmosdb-server 1.0.1 answers a point read of a missing document with 500 ("Cannot read properties of undefined")
    /// instead of 404: its partition-key check (handler/read-document.js) dereferences the missing document. It skips that check
    /// when the request carries <c>x-ms-documentdb-query-enablecrosspartition: true</c>, and then answers 404 as Cosmos DB does.
    /// </summary>
    private sealed class PointReadOfMissingDocumentHandler : RequestHandler
    {
        public override Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(request);
            if (request.Method == HttpMethod.Get && request.RequestUri?.OriginalString.Contains("/docs/", StringComparison.Ordinal) == true)
            {
                request.Headers.Set("x-ms-documentdb-query-enablecrosspartition", "true");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
