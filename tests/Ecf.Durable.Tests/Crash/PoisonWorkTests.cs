using Ecf.Storage.Sqlite;
using Ecf.TestKit;

namespace Ecf.Durable.Tests.Crash;

/// <summary>Work that SIGKILLs its host every time is capped by attempts: the instance fails with details instead of looping.</summary>
public sealed class PoisonWorkTests
{
    /// <param name="expectedErrors">
    /// The caps that may end it. An activity that kills its host can also kill the episode that host was running at that moment
    /// (a redelivered message being cleaned up, or the activity's own result arriving), so either cap may be reached first;
    /// an orchestrator that kills its host in its episode can only reach the episode cap.
    /// </param>
    [Theory]
    [InlineData("CallsHostKiller", "ActivityDeliveriesExceeded|EpisodeAttemptsExceeded")]
    [InlineData("KillsHostInEpisode", "EpisodeAttemptsExceeded")]
    public async Task HostKilledByWorkEveryTime_NewHostsKeepComing_InstanceFailsAfterCap(string orchestrator, string expectedErrors)
    {
        // Arrange
        using var temp = new TempDatabase();
        await using (var store = new SqliteDocumentStore(temp.Path))
        {
            var client = new StoreDurableTaskClient(store, CrashScenario.Options());
            await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, new StartOrchestrationOptions("poison"));
        }

        // Act: start host after host until the instance ends (each dies running the poison work).
        var launches = 0;
        var killed = 0;
        OrchestrationMetadata? result = null;
        while (result is not { IsCompleted: true } && launches < 12)
        {
            launches++;
            await using var child = await ChildHost.StartAsync(temp.Path, CrashScenario.LeaseMilliseconds);
            result = await WaitForEndOrExitAsync(temp.Path, child);
            killed += child.HasExited ? 1 : 0;
        }

        // Assert
        Assert.NotNull(result);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        var failure = result.FailureDetails!;
        Assert.Contains(failure.InnerFailure?.ErrorType ?? failure.ErrorType, expectedErrors.Split('|'));
        Assert.True(killed >= 5, $"The poison work should have killed 5 hosts before the cap; it killed {killed}.");
    }

    private static async Task<OrchestrationMetadata?> WaitForEndOrExitAsync(string databasePath, ChildHost child)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!timeout.IsCancellationRequested)
        {
            OrchestrationMetadata? metadata;
            await using (var store = new SqliteDocumentStore(databasePath))
            {
                metadata = await new StoreDurableTaskClient(store, CrashScenario.Options()).GetInstanceAsync("poison", cancellation: timeout.Token);
            }

            if (metadata is { IsCompleted: true } || child.HasExited)
            {
                return metadata;
            }

            await Task.Delay(100, timeout.Token);
        }

        return null;
    }
}
