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
    /// <summary>
    /// Registers the document store chosen by <see cref="StorageOptions"/> (section <c>Storage</c>, validated on start) as a
    /// singleton <see cref="IDocumentStore"/> with its telemetry (<see cref="InstrumentedDocumentStore"/>), and the file store (<see cref="FileStoreOptions"/>, section <c>Files</c>).
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
        services.AddSingleton<IFileStore>(provider => new LocalFileStore(provider.GetRequiredService<IOptions<FileStoreOptions>>().Value));
        return services;
    }
}
