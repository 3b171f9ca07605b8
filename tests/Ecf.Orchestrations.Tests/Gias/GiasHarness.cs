using System.Globalization;
using Ecf.Application.Schools;
using Ecf.Application.Storage;
using Ecf.Domain.Schools;
using Ecf.LocalRuntime;
using Ecf.Orchestrations.Gias;
using Ecf.Orchestrations.GiasHost;
using Ecf.Orchestrations.Tests.Infrastructure;
using Ecf.Storage;
using Ecf.Storage.Sqlite;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ecf.Orchestrations.Tests.Gias;

/// <summary>
/// A real embedded store and file store in a temp folder, the schools services, and a durable host running the GIAS import on the
/// real Microsoft.DurableTask worker: the in-process test host (in memory), or the app's local runtime on an Azure Storage account
/// (<see cref="StartLocalHostAsync"/>). Fixtures are the project's own files (Fixtures/Gias) in the real edubasealldata layout.
/// </summary>
internal sealed class GiasHarness : IAsyncDisposable
{
    private readonly List<(IAsyncDisposable Host, DurableTaskClient Client)> _hosts = [];
    private readonly Func<IServiceProvider, ITaskActivity>? _batch;

    private GiasHarness(string folder, SqliteDocumentStore store, ServiceProvider application, Func<IServiceProvider, ITaskActivity>? batch)
    {
        Folder = folder;
        Store = store;
        Application = application;
        _batch = batch;
    }

    public string Folder { get; }

    public SqliteDocumentStore Store { get; }

    /// <summary>The schools services the activities run with.</summary>
    public ServiceProvider Application { get; }

    public string DatabasePath => Path.Combine(Folder, "ecf.db");

    public string FilesFolder => Path.Combine(Folder, "files");

    public DurableTaskClient Client => _hosts[^1].Client;

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Gias", name);

    /// <param name="batch">The batch activity in place of the real one (e.g. counting calls); null: the real registration.</param>
    /// <param name="startHost">False: the store only (a host in another process runs first, or <see cref="StartLocalHostAsync"/>).</param>
    public static async Task<GiasHarness> StartAsync(int batchSize = 4, Func<IServiceProvider, ITaskActivity>? batch = null, bool startHost = true)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ecf-gias-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var store = new SqliteDocumentStore(Path.Combine(folder, "ecf.db"));
        await store.EnsureContainersAsync(EcfContainers.All);
        var application = GiasImportServices.Build(store, Path.Combine(folder, "files"), batchSize, Fixture("day1_edubasealldata.csv"), Fixture("day1_links.csv"));
        var harness = new GiasHarness(folder, store, application, batch);
        if (startHost)
        {
            var host = await TestHosts.StartAsync(r => GiasImportServices.Register(r, batch), s => s.AddGiasHandlers(application));
            harness._hosts.Add((host, host.Client));
        }

        return harness;
    }

    /// <summary>Starts the app's local durable runtime on <paramref name="taskHub"/> of the storage account (Azurite) as the next host.</summary>
    public async Task StartLocalHostAsync(string connectionString, string taskHub, TimeSpan visibilityTimeout)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LocalDurable:Backend"] = nameof(LocalDurableBackend.AzureStorage),
            ["LocalDurable:StorageConnectionString"] = connectionString,
            ["LocalDurable:TaskHubName"] = taskHub,
            ["LocalDurable:VisibilityTimeout"] = visibilityTimeout.ToString("c", CultureInfo.InvariantCulture),
        });
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGiasHandlers(Application);
        builder.Services.AddEcfLocalDurableTask(builder.Configuration, r => GiasImportServices.Register(r, _batch), DurableJson.Converter);
        var host = builder.Build();
        await host.StartAsync();
        _hosts.Add((new StoppingHost(host), host.Services.GetRequiredService<DurableTaskClient>()));
    }

    public async Task<OrchestrationMetadata> RunAsync(string extract, string links, string? instanceId = null)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(
            OrchestrationNames.GiasImport, new GiasImportInput(Fixture(extract), Fixture(links)), new StartOrchestrationOptions(instanceId));
        return await WaitAsync(id);
    }

    /// <param name="limit">A guard against a hang, not a speed check (default 90 s); a host taking over a killed host's work waits
    /// out the visibility timeouts first, so give it more on a loaded machine.</param>
    public async Task<OrchestrationMetadata> WaitAsync(string instanceId, TimeSpan? limit = null)
    {
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(90));
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
        for (var i = _hosts.Count - 1; i >= 0; i--)
        {
            await _hosts[i].Host.DisposeAsync();
        }

        await Application.DisposeAsync();
        await Store.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A generic host that stops (releasing its task hub's partitions) before it is disposed.</summary>
    private sealed class StoppingHost(IHost host) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
        }
    }
}
