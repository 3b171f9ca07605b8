using Ecf.Durable.Engine;
using Ecf.Durable.Samples;

namespace Ecf.Durable.Tests.Engine;

public sealed class BasicOrchestrationTests
{
    [Fact]
    public async Task HelloSequence_Run_CompletesWithGreetingsInOrder()
    {
        await using var harness = await DurableHarness.StartAsync();

        var result = await harness.RunAsync(SampleNames.HelloSequence, null, "hello-1");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(["Hello Tokyo!", "Hello Seattle!", "Hello London!"], result.ReadOutputAs<List<string>>());
        Assert.Equal(3, result.ReadCustomStatusAs<System.Text.Json.JsonElement>().GetProperty("done").GetInt32());
        Assert.Equal("hello-1", result.InstanceId);
        Assert.Equal(SampleNames.HelloSequence, result.Name);
    }

    [Fact]
    public async Task Replay_HistoryOfSequence_RecordsEachActivityOnceInOrder()
    {
        await using var harness = await DurableHarness.StartAsync();

        await harness.RunAsync(SampleNames.HelloSequence, null, "hello-2");
        var history = await harness.HistoryAsync("hello-2");

        var scheduled = history.Where(e => e.Kind == HistoryEventKind.TaskScheduled).ToList();
        Assert.Equal([0, 1, 2], scheduled.Select(e => e.TaskId!.Value));
        Assert.All(scheduled, e => Assert.Equal(SampleNames.SayHello, e.Name));
        Assert.Equal(3, history.Count(e => e.Kind == HistoryEventKind.TaskCompleted));
        Assert.Equal(HistoryEventKind.ExecutionCompleted, history[^1].Kind);
    }

    [Fact]
    public async Task FanOutFanIn_HundredActivities_ReturnsSumOfSquares()
    {
        await using var harness = await DurableHarness.StartAsync();

        var result = await harness.RunAsync(SampleNames.FanOutFanIn, 100);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(FanOutTree.Expected(100), result.ReadOutputAs<long>());
    }

    [Fact]
    public async Task SubOrchestrations_FanOutTree_ReturnsSumAndChildrenComplete()
    {
        await using var harness = await DurableHarness.StartAsync();

        var result = await harness.RunAsync(SampleNames.FanOutTree, new FanOutInput(250, 100), "tree-1");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(FanOutTree.Expected(250), result.ReadOutputAs<long>());
        var child = await harness.Client.GetInstanceAsync("tree-1:batch:201", getInputsAndOutputs: true);
        Assert.NotNull(child);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child.RuntimeStatus);
        Assert.Equal(Enumerable.Range(201, 50).Sum(i => (long)i * i), child.ReadOutputAs<long>());
    }
}
