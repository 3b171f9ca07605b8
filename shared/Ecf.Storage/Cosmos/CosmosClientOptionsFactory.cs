using Microsoft.Azure.Cosmos;

namespace Ecf.Storage.Cosmos;

/// <summary>The client options of <see cref="CosmosDocumentStore"/>: System.Text.Json with <see cref="DocumentJson.Options"/>, and the loopback settings.</summary>
public static class CosmosClientOptionsFactory
{
    public static CosmosClientOptions Create(CosmosStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new CosmosClientOptions
        {
            ApplicationName = "Ecf.Functions",
            UseSystemTextJsonSerializerWithOptions = DocumentJson.Options,
        };

        if (LoopbackCertificatePolicy.Applies(options))
        {
            // The local Cosmos-protocol server speaks only the gateway protocol, on one endpoint, with a self-signed certificate.
            clientOptions.ConnectionMode = ConnectionMode.Gateway;
            clientOptions.LimitToEndpoint = true;
            clientOptions.HttpClientFactory = () => new HttpClient(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (request, _, _, errors) => LoopbackCertificatePolicy.Validate(request, errors),
            });
        }

        return clientOptions;
    }
}
