using Ecf.Storage.Cosmos;
using Ecf.Storage.Files;
using Ecf.Storage.Sqlite;
using Ecf.Storage.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ecf.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The Functions host's storage connection (its durable task hub; Azurite locally).</summary>
    public const string FunctionsStorage = "AzureWebJobsStorage";

    /// <summary>
    /// Registers the document store chosen by <see cref="StorageOptions"/> (section <c>Storage</c>, validated on start) as a
    /// singleton <see cref="IDocumentStore"/> with its telemetry (<see cref="InstrumentedDocumentStore"/>), and the file store chosen by <see cref="FileStoreOptions"/> (section <c>Files</c>: Blob storage by default, or a local folder).
    /// Containers are created by whoever starts the application (<see cref="IDocumentStore.EnsureContainersAsync"/>).
    /// </summary>
    public static IServiceCollection AddEcfStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<FileStoreOptions>()
            .Bind(configuration.GetSection(FileStoreOptions.SectionName))
            .PostConfigure(options => UseFunctionsStorageByDefault(options.Blob, configuration))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<IDocumentStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            IDocumentStore store = options.Provider switch
            {
                StorageProvider.Sqlite => new SqliteDocumentStore(options.Sqlite),

                // Production: Azure Cosmos DB (or the local Cosmos-protocol server in tests).
                StorageProvider.Cosmos => new CosmosDocumentStore(options.Cosmos, provider.GetService<ILoggerFactory>()),
                _ => throw new NotSupportedException($"Unknown storage provider {options.Provider}."),
            };
            return new InstrumentedDocumentStore(store);
        });
        services.AddSingleton<IFileStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<FileStoreOptions>>().Value;
            return options.Provider switch
            {
                FileStoreProvider.Blob => new BlobFileStore(options.Blob),
                FileStoreProvider.Local => new LocalFileStore(options),
                _ => throw new NotSupportedException($"Unknown file store provider {options.Provider}."),
            };
        });
        return services;
    }

    /// <summary>
    /// With no account of its own, the Blob file store uses the function app's storage, <c>AzureWebJobsStorage</c>: a connection
    /// string (Azurite's on the local run), or the identity-based form's <c>AzureWebJobsStorage:blobServiceUri</c>.
    /// </summary>
    private static void UseFunctionsStorageByDefault(BlobFileStoreOptions blob, IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(blob.ConnectionString) || !string.IsNullOrWhiteSpace(blob.AccountUrl))
        {
            return;
        }

        var connectionString = configuration[FunctionsStorage];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            blob.ConnectionString = connectionString;
        }
        else
        {
            blob.AccountUrl = configuration[FunctionsStorage + ":blobServiceUri"];
        }
    }
}
