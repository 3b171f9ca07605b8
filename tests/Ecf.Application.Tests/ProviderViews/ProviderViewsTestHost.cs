using System.Text.Json;
using Ecf.Application.ProviderViews;
using Ecf.Application.ReferenceData;
using Ecf.Application.Storage;
using Ecf.Domain.People;
using Ecf.Storage;
using Ecf.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Ecf.Application.Tests.ProviderViews;

/// <summary>The real embedded store in a temp folder with seeded reference data, the writer and the projector.</summary>
public sealed class ProviderViewsTestHost : IAsyncDisposable
{
    private readonly string _folder;

    private ProviderViewsTestHost(string folder, SqliteDocumentStore store, ServiceProvider services)
    {
        _folder = folder;
        Store = store;
        Services = services;
    }

    public SqliteDocumentStore Store { get; }

    public ServiceProvider Services { get; }

    public ProviderViewWriter Writer => Services.GetRequiredService<ProviderViewWriter>();

    public ProviderViewProjector Projector => Services.GetRequiredService<ProviderViewProjector>();

    public IDocumentContainer Views => Store.GetContainer(EcfContainers.ProviderViews);

    public IDocumentContainer People => Store.GetContainer(EcfContainers.People);

    public IReadOnlyList<Guid> EcfProviders { get; private set; } = [];

    public static async Task<ProviderViewsTestHost> StartAsync(IPartnershipFacts? partnershipFacts = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ecf-views-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var store = new SqliteDocumentStore(Path.Combine(folder, "ecf.db"));
        await store.EnsureContainersAsync(EcfContainers.All);
        var collection = new ServiceCollection().AddSingleton<IDocumentStore>(store).AddLogging().AddEcfReferenceData();
        if (partnershipFacts is not null)
        {
            collection.AddSingleton(partnershipFacts);
        }

        var services = collection.AddEcfProviderViews().BuildServiceProvider();
        var host = new ProviderViewsTestHost(folder, store, services);
        await services.GetRequiredService<IReferenceDataSeeder>().SeedAsync();
        var reference = await services.GetRequiredService<IReferenceData>().GetSnapshotAsync();
        host.EcfProviders = [.. reference.LeadProviders.Where(p => p.DeliversEcf).Select(p => p.Id)];
        return host;
    }

    /// <summary>Stores the person document (as the registration path would) and projects it.</summary>
    public async Task<int> CommitAsync(Person? before, Person after)
    {
        await People.UpsertAsync(after.PersonId, after.Id, after);
        return await Writer.ProjectAsync(before, after);
    }

    public async Task<StoredDocument?> ViewAsync(Guid provider, string id) => await Views.ReadAsync(ProviderViewKinds.Partition(provider), id);

    public async Task<JsonElement?> ResourceAsync(Guid provider, string id)
    {
        var stored = await ViewAsync(provider, id);
        if (stored is null)
        {
            return null;
        }

        var resource = ProviderViewResources.Extract(stored.Json);
        return resource.IsEmpty ? null : JsonDocument.Parse(resource).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Store.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }
}
