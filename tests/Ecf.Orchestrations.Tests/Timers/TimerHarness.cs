using Ecf.Orchestrations.Diagnostics;
using Ecf.Orchestrations.Tests.Infrastructure;
using Ecf.Orchestrations.Timers;
using Ecf.Storage;
using Ecf.Storage.Sqlite;
using Ecf.TestKit;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ecf.Orchestrations.Tests.Timers;

/// <summary>
/// Timer function schedulers on a real embedded store in a temp file, starting orchestrations through the client of one in-process
/// test host (which runs them: Ping). Each scheduler made by <c>NewScheduler</c> is a separate "host": its own store connection
/// and scheduler on the same file.
/// </summary>
internal sealed class TimerHarness : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ecf-orchestrations-tests", Guid.NewGuid().ToString("N"));
    private readonly List<IDocumentStore> _stores = [];
    private readonly DurableTaskTestHost _host;

    private TimerHarness(DateTimeOffset now, DurableTaskTestHost host)
    {
        Directory.CreateDirectory(_folder);
        Time = new TestClock(now);
        _host = host;
    }

    public TestClock Time { get; }

    public DurableTaskClient Client => _host.Client;

    public string DatabasePath => Path.Combine(_folder, "ecf.db");

    public static async Task<TimerHarness> StartAsync(DateTimeOffset now) =>
        new(now, await TestHosts.StartAsync(registry => DiagnosticsRegistration.Register(registry), _ => { }));

    public TimerFunctionScheduler NewScheduler(params (string Name, string Schedule)[] functions) =>
        NewScheduler(functions.Select(f => (f.Name, new TimerFunctionOptions { Schedule = f.Schedule, Orchestration = OrchestrationNames.Ping, Input = """{"message":"tick"}""" })).ToArray());

    public TimerFunctionScheduler NewScheduler(params (string Name, TimerFunctionOptions Function)[] functions)
    {
        var options = new TimerFunctionsOptions();
        foreach (var (name, function) in functions)
        {
            options.Functions[name] = function;
        }

        return new TimerFunctionScheduler(NewStore(), Client, Options.Create(options), Time, NullLogger<TimerFunctionScheduler>.Instance);
    }

    public async Task<List<OrchestrationMetadata>> InstancesAsync()
    {
        var instances = new List<OrchestrationMetadata>();
        await foreach (var instance in Client.GetAllInstancesAsync(new OrchestrationQuery { FetchInputsAndOutputs = true }))
        {
            instances.Add(instance);
        }

        return instances;
    }

    public async Task<IDocumentContainer> ContainerAsync()
    {
        var store = NewStore();
        await store.EnsureContainersAsync([TimerScheduleDocument.Container]);
        return store.GetContainer(TimerScheduleDocument.Container.Name);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
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
