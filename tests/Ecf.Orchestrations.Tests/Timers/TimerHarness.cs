using Ecf.Durable;
using Ecf.Orchestrations.Diagnostics;
using Ecf.Orchestrations.Timers;
using Ecf.Storage;
using Ecf.Storage.Sqlite;
using Ecf.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ecf.Orchestrations.Tests.Timers;

/// <summary>
/// Timer function schedulers on a real embedded store in a temp file. Each scheduler made by <c>NewScheduler</c> is a separate "host":
/// its own store connection, client and scheduler on the same file. No durable host runs: instances are only started.
/// </summary>
internal sealed class TimerHarness : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ecf-orchestrations-tests", Guid.NewGuid().ToString("N"));
    private readonly List<IDocumentStore> _stores = [];

    public TimerHarness(DateTimeOffset now)
    {
        Directory.CreateDirectory(_folder);
        Time = new TestClock(now);
        Registry = DiagnosticsRegistration.Register(new DurableTaskRegistry());
    }

    public TestClock Time { get; }

    public DurableTaskRegistry Registry { get; }

    public DurableTaskOptions DurableOptions { get; } = new();

    public string DatabasePath => Path.Combine(_folder, "ecf.db");

    public TimerFunctionScheduler NewScheduler(params (string Name, string Schedule)[] functions) =>
        NewScheduler(functions.Select(f => (f.Name, new TimerFunctionOptions { Schedule = f.Schedule, Orchestration = OrchestrationNames.Ping, Input = """{"message":"tick"}""" })).ToArray());

    public TimerFunctionScheduler NewScheduler(params (string Name, TimerFunctionOptions Function)[] functions)
    {
        var options = new TimerFunctionsOptions();
        foreach (var (name, function) in functions)
        {
            options.Functions[name] = function;
        }

        var store = NewStore();
        var client = new StoreDurableTaskClient(store, DurableOptions, Registry, Time);
        return new TimerFunctionScheduler(store, client, Options.Create(options), Options.Create(DurableOptions), Time, NullLogger<TimerFunctionScheduler>.Instance);
    }

    /// <summary>A client of its own, to look at instances.</summary>
    public DurableTaskClient NewClient() => new StoreDurableTaskClient(NewStore(), DurableOptions, Registry, Time);

    public async Task<List<OrchestrationMetadata>> InstancesAsync()
    {
        var instances = new List<OrchestrationMetadata>();
        await foreach (var instance in NewClient().GetAllInstancesAsync(new OrchestrationQuery(FetchInputsAndOutputs: true)))
        {
            instances.Add(instance);
        }

        return instances;
    }

    public async Task<IDocumentContainer> ContainerAsync()
    {
        var store = NewStore();
        await store.EnsureContainersAsync([DurableOptions.ContainerDefinition]);
        return store.GetContainer(DurableOptions.ContainerName);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
    }

    private SqliteDocumentStore NewStore()
    {
        var store = new SqliteDocumentStore(DatabasePath);
        _stores.Add(store);
        return store;
    }
}
