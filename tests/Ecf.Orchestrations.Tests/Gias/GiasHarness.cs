using Ecf.Application.Schools;
using Ecf.Application.Storage;
using Ecf.Domain.Schools;
using Ecf.Durable;
using Ecf.Orchestrations.Gias;
using Ecf.Storage;
using Ecf.Storage.Files;
using Ecf.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ecf.Orchestrations.Tests.Gias;

/// <summary>
/// A real embedded store and file store in a temp folder, the schools services and a durable host running the GIAS import.
/// Fixtures are the project's own files (Fixtures/Gias) in the real edubasealldata layout.
/// </summary>
internal sealed class GiasHarness : IAsyncDisposable
{
    private readonly List<(DurableTaskHost Host, ServiceProvider Services)> _hosts = [];
    private readonly Action<DurableTaskRegistry>? _register;
    private readonly int _batchSize;

    private GiasHarness(string folder, SqliteDocumentStore store, int batchSize, Action<DurableTaskRegistry>? register)
    {
        Folder = folder;
        Store = store;
        _batchSize = batchSize;
        _register = register;
    }

    public string Folder { get; }

    public SqliteDocumentStore Store { get; }

    public DurableTaskClient Client => _hosts[^1].Host.Client;

    public IServiceProvider Services => _hosts[^1].Services;

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Gias", name);

    /// <param name="startHost">False: the store only (a host in another process runs first); call <see cref="StartHostAsync"/> later.</param>
    public static async Task<GiasHarness> StartAsync(int batchSize = 4, Action<DurableTaskRegistry>? register = null, bool startHost = true)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ecf-gias-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var store = new SqliteDocumentStore(Path.Combine(folder, "ecf.db"));
        await store.EnsureContainersAsync(EcfContainers.All);
        var harness = new GiasHarness(folder, store, batchSize, register);
        if (startHost)
        {
            await harness.StartHostAsync();
        }

        return harness;
    }

    public async Task StartHostAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gias:BatchSize"] = _batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gias:BatchesPerGeneration"] = "2",
            ["Gias:Extract"] = Fixture("day1_edubasealldata.csv"),
            ["Gias:Links"] = Fixture("day1_links.csv"),
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IDocumentStore>(Store)
            .AddSingleton<IFileStore>(new LocalFileStore(Path.Combine(Folder, "files")))
            .AddLogging()
            .AddEcfSchools()
            .BuildServiceProvider();
        var registry = new DurableTaskRegistry();
        if (_register is null)
        {
            GiasImportRegistration.Register(registry);
        }
        else
        {
            // The test supplies the batch activity; the rest is the real registration.
            registry
                .AddOrchestrator<GiasImportOrchestrator>(OrchestrationNames.GiasImport)
                .AddActivity<GiasPrepareImportActivity>(ActivityNames.GiasPrepareImport)
                .AddActivity<GiasApplyLinksActivity>(ActivityNames.GiasApplyLinks);
            _register(registry);
        }
        var options = new DurableTaskOptions { LeaseDuration = TimeSpan.FromSeconds(2), MaxPollInterval = TimeSpan.FromMilliseconds(50) };
        var host = new DurableTaskHost(Store, registry, options, TimeProvider.System, null, services);
        _hosts.Add((host, services));
        await host.StartAsync(CancellationToken.None);
    }

    /// <summary>Stops the newest host without waiting for its work (its lease is left to expire).</summary>
    public async Task StopHostAsync()
    {
        var (host, services) = _hosts[^1];
        await host.DisposeAsync();
        await services.DisposeAsync();
    }

    public async Task<OrchestrationMetadata> RunAsync(string extract, string links, string? instanceId = null)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(
            OrchestrationNames.GiasImport, new GiasImportInput(Fixture(extract), Fixture(links)), new StartOrchestrationOptions(instanceId));
        return await WaitAsync(id);
    }

    public async Task<OrchestrationMetadata> WaitAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    public async Task<School?> SchoolByUrnAsync(int urn) =>
        (await new SchoolDocuments(Store).FindByUrnAsync(urn))?.School;

    public async Task<IReadOnlyList<School>> AllSchoolsAsync()
    {
        var page = await Store.GetContainer(EcfContainers.Schools).QueryCrossPartitionAsync(DocumentQuery.All(10_000).WhereEquals("kind", School.DocumentKind));
        return [.. page.Documents.Select(d => d.As<School>())];
    }

    public async Task<IReadOnlyList<SchoolListing>> ListingsAsync()
    {
        var page = await Store.GetContainer(EcfContainers.Schools).QueryAsync(SchoolListing.Partition, DocumentQuery.All(10_000));
        return [.. page.Documents.Select(d => d.As<SchoolListing>())];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (host, services) in _hosts)
        {
            await host.DisposeAsync();
            await services.DisposeAsync();
        }

        await Store.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
