using Ecf.Durable.Engine;
using Ecf.Durable.Samples;

namespace Ecf.Durable.Tests.Engine;

public sealed class LargeFanOutTests
{
    [Fact]
    public async Task FanOutTree_TenThousandActivitiesInSubOrchestrationsOfThousand_Completes()
    {
        await using var harness = await DurableHarness.StartAsync();

        var result = await harness.RunAsync(SampleNames.FanOutTree, new FanOutInput(10_000, 1_000), "big", timeoutSeconds: 300);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(FanOutTree.Expected(10_000), result.ReadOutputAs<long>());
        var history = await harness.HistoryAsync("big:batch:9001");
        Assert.Equal(1_000, history.Count(e => e.Kind == HistoryEventKind.TaskCompleted));
    }
}
