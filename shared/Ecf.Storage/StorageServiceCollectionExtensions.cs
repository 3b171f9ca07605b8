using Ecf.Storage.Cosmos;
using Ecf.Storage.Files;
using Ecf.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ecf.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the document store chosen by <see cref="StorageOptions"/> (section <c>Storage</c>, validated on start) as a
    /// singleton <see cref="IDocumentStore"/>, and the file store (<see cref="FileStoreOptions"/>, section <c>Files</c>).
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
            switch (options.Provider)
            {
                case StorageProvider.Sqlite:
                    return new SqliteDocumentStore(options.Sqlite);

                // Production: Azure Cosmos DB (or the local Cosmos-protocol server in tests).
                case StorageProvider.Cosmos:
                    return new CosmosDocumentStore(options.Cosmos, provider.GetService<ILoggerFactory>());

                default:
                    throw new NotSupportedException($"Unknown storage provider {options.Provider}.");
            }
        });
        services.AddSingleton<IFileStore>(provider => new LocalFileStore(provider.GetRequiredService<IOptions<FileStoreOptions>>().Value));
        return services;
    }
}
