using Ecf.Durable.Engine;
using Ecf.Durable.Samples;
using Ecf.Storage;
using Ecf.Storage.Sqlite;
using Ecf.TestKit;

namespace Ecf.Durable.Tests;

/// <summary>A real embedded store in a temp file, a host and a client, with short leases and polls for tests.</summary>
internal sealed class DurableHarness : IAsyncDisposable
{
    private readonly TempDatabase _temp;
    private readonly List<DurableTaskHost> _hosts = [];

    private DurableHarness(TempDatabase temp, SqliteDocumentStore store, DurableTaskRegistry registry, DurableTaskOptions options, TimeProvider time)
    {
        _temp = temp;
        Store = store;
        Registry = registry;
        Options = options;
        Time = time;
    }

    public SqliteDocumentStore Store { get; }

    public DurableTaskRegistry Registry { get; }

    public DurableTaskOptions Options { get; }

    public TimeProvider Time { get; }

    public DurableTaskClient Client => _hosts[0].Client;

    public static async Task<DurableHarness> StartAsync(Action<DurableTaskRegistry>? register = null, Action<DurableTaskOptions>? configure = null, TimeProvider? time = null, bool startHost = true)
    {
        var temp = new TempDatabase();
        var store = new SqliteDocumentStore(temp.Path);
        var registry = new DurableTaskRegistry().AddSamples();
        register?.Invoke(registry);
        var options = NewOptions();
        configure?.Invoke(options);
        var harness = new DurableHarness(temp, store, registry, options, time ?? TimeProvider.System);
        var host = new DurableTaskHost(store, registry, options, harness.Time);
        harness._hosts.Add(host);
        if (startHost)
        {
            await host.StartAsync(CancellationToken.None);
        }
        else
        {
            await store.EnsureContainersAsync([options.ContainerDefinition]);
        }

        return harness;
    }

    public static DurableTaskOptions NewOptions() => new()
    {
        LeaseDuration = TimeSpan.FromSeconds(2),
        MaxPollInterval = TimeSpan.FromMilliseconds(50),
    };

    public IDocumentContainer Container => Store.GetContainer(Options.ContainerName);

    public async Task<DurableTaskHost> StartAnotherHostAsync()
    {
        var host = new DurableTaskHost(Store, Registry, Options, Time);
        _hosts.Add(host);
        await host.StartAsync(CancellationToken.None);
        return host;
    }

    public Task StartHostAsync() => _hosts[0].StartAsync(CancellationToken.None);

    public async Task<OrchestrationMetadata> RunAsync(TaskName name, object? input, string? instanceId = null, int timeoutSeconds = 60)
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(name, input, new StartOrchestrationOptions(instanceId));
        return await WaitAsync(id, timeoutSeconds);
    }

    public async Task<OrchestrationMetadata> WaitAsync(string instanceId, int timeoutSeconds = 60)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    /// <summary>The current execution's history, in order.</summary>
    public async Task<List<HistoryEvent>> HistoryAsync(string instanceId)
    {
        var read = await Container.ReadAsync(instanceId, InstanceIds.InstanceDocId);
        var instance = read!.As<InstanceDocument>();
        var page = await Container.QueryAsync(instanceId, DocumentQuery.All(1000).WhereEquals("type", DocTypes.History).WhereEquals("executionId", instance.ExecutionId).OrderByAscending("chunk"));
        return [.. page.Documents.SelectMany(d => d.As<HistoryChunkDocument>().Events)];
    }

    public async Task<int> CountDocumentsAsync(string partition)
    {
        var page = await Container.QueryAsync(partition, DocumentQuery.All(10000));
        return page.Documents.Count;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await Store.DisposeAsync();
        _temp.Dispose();
    }
}
