using System.Net;
using System.Net.Security;
using System.Text;
using System.Text.Json;
using Ecf.Storage.Cosmos;
using Microsoft.Azure.Cosmos;

namespace Ecf.Storage.Tests.Cosmos;

/// <summary>The Cosmos adapter's decisions that the test server cannot show: TLS trust, status mapping, indexing, ordering, id rules.</summary>
public sealed class CosmosAdapterRulesTests
{
    [Theory]
    [InlineData("https://127.0.0.1:8081/", true)]
    [InlineData("https://127.0.0.2:8081/", true)]
    [InlineData("https://[::1]:8081/", true)]
    [InlineData("https://localhost:8081/", true)]
    [InlineData("https://LOCALHOST/", true)]
    [InlineData("https://ecf-prod.documents.azure.com:443/", false)]
    [InlineData("https://10.0.0.4:8081/", false)]
    [InlineData("https://localhost.example.com/", false)]
    [InlineData("https://127.0.0.1.example.com/", false)]
    [InlineData("not a url", false)]
    public void LoopbackCertificatePolicy_TrustRequested_AppliesOnlyToLoopbackHosts(string endpoint, bool expected)
    {
        var options = new CosmosStorageOptions { Endpoint = endpoint, Key = "a2V5", TrustLoopbackCertificate = true };

        Assert.Equal(expected, LoopbackCertificatePolicy.Applies(options));
    }

    [Fact]
    public void LoopbackCertificatePolicy_TrustNotRequested_NeverApplies()
    {
        var options = new CosmosStorageOptions { Endpoint = "https://127.0.0.1:8081/", Key = "a2V5" };

        Assert.False(LoopbackCertificatePolicy.Applies(options));
    }

    [Theory]
    [InlineData("https://127.0.0.1:8081/dbs", SslPolicyErrors.RemoteCertificateChainErrors, true)]
    [InlineData("https://ecf.documents.azure.com/dbs", SslPolicyErrors.RemoteCertificateChainErrors, false)]
    [InlineData("https://ecf.documents.azure.com/dbs", SslPolicyErrors.RemoteCertificateNameMismatch, false)]
    [InlineData("https://ecf.documents.azure.com/dbs", SslPolicyErrors.None, true)]
    public void LoopbackCertificatePolicy_Validate_AcceptsInvalidCertificateOnlyFromLoopback(string uri, SslPolicyErrors errors, bool expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);

        Assert.Equal(expected, LoopbackCertificatePolicy.Validate(request, errors));
    }

    [Fact]
    public void CosmosClientOptionsFactory_LoopbackWithTrust_GatewayLimitedToEndpointWithOwnHandler()
    {
        var options = CosmosClientOptionsFactory.Create(new CosmosStorageOptions { Endpoint = "https://127.0.0.1:8081/", Key = "a2V5", TrustLoopbackCertificate = true });

        Assert.Equal(ConnectionMode.Gateway, options.ConnectionMode);
        Assert.True(options.LimitToEndpoint);
        Assert.NotNull(options.HttpClientFactory);
        Assert.Same(DocumentJson.Options, options.UseSystemTextJsonSerializerWithOptions);
    }

    [Fact]
    public void CosmosClientOptionsFactory_RemoteEndpointWithTrust_KeepsDefaultTransportAndValidation()
    {
        var options = CosmosClientOptionsFactory.Create(new CosmosStorageOptions { Endpoint = "https://ecf.documents.azure.com:443/", Key = "a2V5", TrustLoopbackCertificate = true });

        Assert.Equal(ConnectionMode.Direct, options.ConnectionMode);
        Assert.False(options.LimitToEndpoint);
        Assert.Null(options.HttpClientFactory);
        Assert.Null(options.ServerCertificateCustomValidationCallback);
        Assert.Same(DocumentJson.Options, options.UseSystemTextJsonSerializerWithOptions);
    }

    [Theory]
    [InlineData(HttpStatusCode.Conflict, DocumentStoreError.Conflict)]
    [InlineData(HttpStatusCode.PreconditionFailed, DocumentStoreError.PreconditionFailed)]
    [InlineData(HttpStatusCode.NotFound, DocumentStoreError.NotFound)]
    [InlineData(HttpStatusCode.BadRequest, DocumentStoreError.BadRequest)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, DocumentStoreError.BadRequest)]
    [InlineData(HttpStatusCode.TooManyRequests, DocumentStoreError.Unavailable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, DocumentStoreError.Unavailable)]
    [InlineData(HttpStatusCode.RequestTimeout, DocumentStoreError.Unavailable)]
    public void CosmosErrorMapping_ExpectedStatus_MapsToStoreError(HttpStatusCode status, DocumentStoreError expected)
    {
        var ex = Assert.IsType<DocumentStoreException>(CosmosErrorMapping.ToException(status, "read", "detail"));

        Assert.Equal(expected, CosmosErrorMapping.ToError(status));
        Assert.Equal(expected, ex.Error);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public void CosmosErrorMapping_UnexpectedStatus_IsNotAStoreError(HttpStatusCode status)
    {
        Assert.Null(CosmosErrorMapping.ToError(status));
        Assert.IsType<InvalidOperationException>(CosmosErrorMapping.ToException(status, "read", null));
    }

    [Fact]
    public void CosmosIndexing_IndexedPath_CompositeIndexesForEveryServedOrder()
    {
        var indexes = CosmosIndexing.CompositeIndexes(new ContainerDefinition("people", "/personId", ["seq"]));

        Assert.Equal(
            ["seq asc,id asc", "seq asc,personId asc,id asc", "seq desc,id asc", "seq desc,personId asc,id asc", "personId asc,id asc"],
            indexes.Select(index => string.Join(",", index.Select(k => $"{k.Path} {(k.Descending ? "desc" : "asc")}"))));
    }

    [Fact]
    public void CosmosIndexing_CrossPartitionIndexedPath_CompositeIndexesAndServerOrder()
    {
        var container = new ContainerDefinition("people", "/personId", CrossPartitionIndexedPaths: ["nextStatusChangeOn"]);

        var indexes = CosmosIndexing.CompositeIndexes(container);

        Assert.Contains("nextStatusChangeOn asc,personId asc,id asc", indexes.Select(index => string.Join(",", index.Select(k => $"{k.Path} {(k.Descending ? "desc" : "asc")}"))));
        Assert.True(CosmosQueryTranslator.IsServedByIndex(container, [new QueryOrder("nextStatusChangeOn", false)]));
    }

    [Fact]
    public void CosmosIndexing_PartitionedById_NoRepeatedPaths()
    {
        var properties = CosmosIndexing.ContainerProperties(new ContainerDefinition("identifiers", "/id", ["personId.value"]));

        Assert.Equal("/id", properties.PartitionKeyPath);
        Assert.Equal(
            ["/personId/value Ascending,/id Ascending", "/personId/value Descending,/id Ascending"],
            properties.IndexingPolicy.CompositeIndexes.Select(index => string.Join(",", index.Select(p => $"{p.Path} {p.Order}"))));
    }

    [Fact]
    public void CosmosOrdering_Compare_RanksMissingAndNullThenBoolNumberString()
    {
        JsonElement[] values =
        [
            JsonSerializer.SerializeToElement("b"), JsonSerializer.SerializeToElement(10), JsonSerializer.SerializeToElement("a"),
            JsonSerializer.SerializeToElement(true), JsonSerializer.SerializeToElement<object?>(null), JsonSerializer.SerializeToElement(2.5),
            JsonSerializer.SerializeToElement(false),
        ];

        var sorted = values.Order(Comparer<JsonElement>.Create(CosmosOrdering.Compare)).Select(v => v.GetRawText());

        Assert.Equal(["null", "false", "true", "2.5", "10", "\"a\"", "\"b\""], sorted);
        Assert.Equal(0, CosmosOrdering.Compare(default, JsonSerializer.SerializeToElement<object?>(null)));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a?b")]
    [InlineData("a#b")]
    [InlineData("")]
    public void DocumentBody_IdCosmosRejects_ThrowsBadRequestBeforeSending(string id)
    {
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id, personId = "p1" }));

        var ex = Assert.Throws<DocumentStoreException>(() => DocumentBody.Validate(new ContainerDefinition("people", "/personId"), "p1", id, body));

        Assert.Equal(DocumentStoreError.BadRequest, ex.Error);
    }

}
