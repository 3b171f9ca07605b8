using System.Collections.Concurrent;
using Azure.Identity;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ecf.Storage.Cosmos;

/// <summary>
/// The production adapter of the document store port on Azure Cosmos DB: one <see cref="CosmosClient"/> per store, key or managed
/// identity, one database (<see cref="CosmosStorageOptions.Database"/>) holding the containers.
/// </summary>
public sealed partial class CosmosDocumentStore : IDocumentStore
{
    private readonly CosmosClient _client;
    private readonly CosmosStorageOptions _options;
    private readonly ILogger<CosmosDocumentStore> _logger;
    private readonly ConcurrentDictionary<string, CosmosDocumentContainer> _containers = new(StringComparer.Ordinal);

    public CosmosDocumentStore(CosmosStorageOptions options, ILoggerFactory? loggerFactory = null)
        : this(options, loggerFactory, configureClient: null)
    {
    }

    /// <param name="options">Endpoint, credentials, database.</param>
    /// <param name="loggerFactory">Logging; none when null.</param>
    /// <param name="configureClient">Last changes to the client options (e.g. request handlers), applied after the store's own.</param>
    public CosmosDocumentStore(CosmosStorageOptions options, ILoggerFactory? loggerFactory, Action<CosmosClientOptions>? configureClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out _))
        {
            throw new ArgumentException("The Cosmos DB endpoint must be an absolute URL.", nameof(options));
        }

        _options = options;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<CosmosDocumentStore>();
        var clientOptions = CosmosClientOptionsFactory.Create(options);
        configureClient?.Invoke(clientOptions);
        if (options.TrustLoopbackCertificate && !LoopbackCertificatePolicy.Applies(options))
        {
            LogTrustIgnored(_logger, options.Endpoint);
        }

        _client = options.UseManagedIdentity
            ? new CosmosClient(options.Endpoint, new DefaultAzureCredential(), clientOptions)
            : new CosmosClient(options.Endpoint, options.Key, clientOptions);
    }

    public string Kind => "cosmos";

    public async Task EnsureContainersAsync(IEnumerable<ContainerDefinition> containers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(containers);
        var definitions = containers.ToList();
        try
        {
            var database = (await _client.CreateDatabaseIfNotExistsAsync(_options.Database, cancellationToken: cancellationToken).ConfigureAwait(false)).Database;
            foreach (var definition in definitions)
            {
                var response = await database.CreateContainerIfNotExistsAsync(CosmosIndexing.ContainerProperties(definition), cancellationToken: cancellationToken).ConfigureAwait(false);
                _containers[definition.Name] = new CosmosDocumentContainer(response.Container, definition);
            }
        }
        catch (CosmosException ex)
        {
            throw CosmosErrorMapping.ToException(ex.StatusCode, "container creation", ex.ResponseBody ?? ex.Message, ex);
        }
    }

    public IDocumentContainer GetContainer(string name) =>
        _containers.TryGetValue(name, out var container)
            ? container
            : throw new InvalidOperationException($"Container '{name}' is unknown; call EnsureContainersAsync first.");

    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _client.ReadAccountAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is CosmosException or HttpRequestException or TimeoutException)
        {
            LogPingFailed(_logger, ex);
            return false;
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage:Cosmos:TrustLoopbackCertificate is ignored: {Endpoint} is not a loopback endpoint, so its certificate is validated.")]
    private static partial void LogTrustIgnored(ILogger logger, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cosmos DB did not answer a ping.")]
    private static partial void LogPingFailed(ILogger logger, Exception exception);
}
