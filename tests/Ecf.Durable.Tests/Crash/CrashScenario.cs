using Ecf.Durable.Samples;
using Ecf.Storage.Sqlite;

namespace Ecf.Durable.Tests.Crash;

/// <summary>One crash trial: schedule, let a child host run until a seeded random point, SIGKILL it, finish with a new host.</summary>
internal static class CrashScenario
{
    public const int LeaseMilliseconds = 1000;

    public static DurableTaskOptions Options() => new()
    {
        LeaseDuration = TimeSpan.FromMilliseconds(LeaseMilliseconds),
        MaxPollInterval = TimeSpan.FromMilliseconds(100),
    };

    public static async Task ScheduleAsync(string databasePath, string orchestrator, object input, string instanceId)
    {
        await using var store = new SqliteDocumentStore(databasePath);
        var client = new StoreDurableTaskClient(store, Options(), new DurableTaskRegistry().AddSamples());
        await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId));
    }

    /// <summary>Runs the child, which SIGKILLs itself <paramref name="extraDelayMilliseconds"/> after its n-th activity; returns its exit code.</summary>
    public static async Task<int> RunChildAndKillAsync(string databasePath, int killAfterActivities, int extraDelayMilliseconds)
    {
        await using var child = await ChildHost.StartAsync(databasePath, LeaseMilliseconds, killAfterActivities, extraDelayMilliseconds);
        return await child.WaitForExitAsync();
    }

    /// <summary>The instance's status as the killed host left it.</summary>
    public static async Task<OrchestrationRuntimeStatus?> StatusAsync(string databasePath, string instanceId)
    {
        await using var store = new SqliteDocumentStore(databasePath);
        var client = new StoreDurableTaskClient(store, Options());
        return (await client.GetInstanceAsync(instanceId))?.RuntimeStatus;
    }

    public static async Task<OrchestrationMetadata> FinishWithNewHostAsync(string databasePath, string instanceId)
    {
        await using var store = new SqliteDocumentStore(databasePath);
        await using var host = new DurableTaskHost(store, new DurableTaskRegistry().AddSamples(), Options());
        await host.StartAsync(CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        return await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }
}
