using Ecf.Durable.Engine;
using Ecf.Durable.Samples;
using Ecf.Storage;
using Ecf.Storage.Sqlite;
using Ecf.TestKit;

namespace Ecf.Durable.Tests.Crash;

/// <summary>Two host processes on one SQLite file share a fan-out; no step commits twice.</summary>
public sealed class TwoHostTests
{
    [Fact]
    public async Task FanOut2000_TwoHostProcessesShareWork_EachCompletionOnceInHistory()
    {
        // Arrange
        using var temp = new TempDatabase();
        var input = new FanOutInput(Total: 2_000, BatchSize: 1_000);
        await using (var store = new SqliteDocumentStore(temp.Path))
        {
            await store.EnsureContainersAsync([CrashScenario.Options().ContainerDefinition]);
        }

        await using var first = await ChildHost.StartAsync(temp.Path, leaseMilliseconds: 2000);
        await using var second = await ChildHost.StartAsync(temp.Path, leaseMilliseconds: 2000);

        // Act
        await CrashScenario.ScheduleAsync(temp.Path, SampleNames.FanOutTree, input, "shared");
        OrchestrationMetadata result;
        await using (var store = new SqliteDocumentStore(temp.Path))
        {
            var client = new StoreDurableTaskClient(store, CrashScenario.Options());
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
            result = await client.WaitForInstanceCompletionAsync("shared", getInputsAndOutputs: true, timeout.Token);
        }

        var firstActivities = first.Activities;
        var secondActivities = second.Activities;
        await first.KillAsync();
        await second.KillAsync();

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(FanOutTree.Expected(input.Total), result.ReadOutputAs<long>());
        Assert.True(firstActivities > 0 && secondActivities > 0, $"Both hosts should run activities: {firstActivities} and {secondActivities}.");
        Assert.True(firstActivities + secondActivities >= input.Total);
        await using var check = new SqliteDocumentStore(temp.Path);
        await check.EnsureContainersAsync([CrashScenario.Options().ContainerDefinition]);
        var container = check.GetContainer(CrashScenario.Options().ContainerName);
        foreach (var batch in new[] { "shared:batch:1", "shared:batch:1001" })
        {
            var instance = (await container.ReadAsync(batch, InstanceIds.InstanceDocId))!.As<InstanceDocument>();
            var page = await container.QueryAsync(batch, DocumentQuery.All(10_000).WhereEquals("type", DocTypes.History).WhereEquals("executionId", instance.ExecutionId));
            var events = page.Documents.SelectMany(d => d.As<HistoryChunkDocument>().Events).ToList();
            var completions = events.Where(e => e.Kind == HistoryEventKind.TaskCompleted).GroupBy(e => e.TaskId).ToList();
            Assert.Equal(1_000, completions.Count);
            Assert.All(completions, g => Assert.Single(g));
            Assert.Equal(1_000, events.Count(e => e.Kind == HistoryEventKind.TaskScheduled));
            Assert.Equal(instance.ChunkCount, page.Documents.Count);
        }
    }
}
