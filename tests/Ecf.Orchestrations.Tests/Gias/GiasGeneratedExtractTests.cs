using Ecf.Application.Gias;
using Ecf.Orchestrations.Gias;
using Microsoft.DurableTask.Client;

namespace Ecf.Orchestrations.Tests.Gias;

/// <summary>The benchmark's path (generated extract in the real layout, whole orchestration) on a small file: counts, not timings.</summary>
public sealed class GiasGeneratedExtractTests
{
    [Fact]
    public async Task GiasImport_GeneratedExtract_ImportsEveryRowAppliesEveryLinkAndRerunWritesNothing()
    {
        await using var harness = await GiasHarness.StartAsync(batchSize: 250);
        var extract = Path.Combine(harness.Folder, "edubasealldata.csv");
        var links = Path.Combine(harness.Folder, "links.csv");
        int successorLinks;
        await using (var e = File.Create(extract))
        await using (var l = File.Create(links))
        {
            successorLinks = GiasExtractGenerator.Write(e, l, 1_000, seed: 7);
        }

        var first = await RunAsync(harness, extract, links);
        var second = await RunAsync(harness, extract, links);

        Assert.Equal(1_000, first.Read);
        Assert.Equal(1_000, first.Created);
        Assert.Equal(0, first.RejectedCount);
        Assert.True(successorLinks > 0);
        Assert.Equal(successorLinks, first.Links.Academised + first.Links.Merged);
        Assert.Equal(0, second.Written);
        Assert.Equal(1_000, second.Unchanged);
        Assert.Equal(successorLinks, second.Links.AlreadyApplied);
    }

    private static async Task<GiasImportOutput> RunAsync(GiasHarness harness, string extract, string links)
    {
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync(OrchestrationNames.GiasImport, new GiasImportInput(extract, links), CancellationToken.None);
        var run = await harness.WaitAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        return run.ReadOutputAs<GiasImportOutput>()!;
    }
}
