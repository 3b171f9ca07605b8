using System.Collections.Concurrent;
using Ecf.Application.Gias;
using Ecf.Durable;
using Ecf.Orchestrations.Gias;
using Microsoft.Extensions.DependencyInjection;

namespace Ecf.Orchestrations.Tests.Gias;

/// <summary>
/// A host process running the import on the embedded store is SIGKILLed in the middle of the run; a new host on the same
/// file completes the instance. The result is that of an uninterrupted run, and batches the killed host had finished are not
/// run again (only the one in flight at the kill may be).
/// </summary>
public sealed class GiasImportCrashTests
{
    private const int Rows = 8_000;
    private const int BatchSize = 500;

    [Fact]
    public async Task GiasImport_HostProcessKilledMidRun_NewHostCompletesAsAnUninterruptedRun()
    {
        // Arrange: a generated extract; the store with no host in this process yet.
        var resumed = new ConcurrentDictionary<int, int>();
        await using var harness = await GiasHarness.StartAsync(BatchSize, r => r.AddActivity(ActivityNames.GiasImportBatch, sp =>
            new CountingBatch(sp.GetRequiredService<ImportGiasBatchHandler>(), resumed)), startHost: false);
        var extract = Path.Combine(harness.Folder, "edubasealldata.csv");
        var links = Path.Combine(harness.Folder, "links.csv");
        await using (var e = File.Create(extract))
        await using (var l = File.Create(links))
        {
            GiasExtractGenerator.Write(e, l, Rows, seed: 11);
        }

        var id = "gias-crash-" + Guid.NewGuid().ToString("N");

        // Act: the child host starts the run and is killed once it has finished three batches (past the first ContinueAsNew).
        IReadOnlyList<int> killed;
        await using (var child = await GiasChildHost.StartAsync(
            Path.Combine(harness.Folder, "ecf.db"), Path.Combine(harness.Folder, "files"), extract, links, BatchSize, id))
        {
            await child.WaitForBatchesAsync(3);
            await child.KillAsync();
            killed = child.Batches;
        }

        await harness.StartHostAsync();
        var run = await harness.WaitAsync(id);
        var (reference, referenceBatches, referenceSchools) = await UninterruptedRunAsync(extract, links);

        // Assert: completed, every batch run, none the killed host had finished run again (but the one in flight at the kill).
        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        Assert.InRange(killed.Count, 3, referenceBatches.Count - 1);
        Assert.Equal(killed.Count, killed.Distinct().Count());
        Assert.All(resumed.Values, count => Assert.Equal(1, count));
        Assert.Equal(referenceBatches.Order(), killed.Union(resumed.Keys).Order());
        Assert.Subset(new HashSet<int> { killed[^1] }, resumed.Keys.Intersect(killed).ToHashSet());
        var output = run.ReadOutputAs<GiasImportOutput>()!;
        Assert.Equal(Rows, output.Read);
        Assert.Equal(reference.Read, output.Read);
        Assert.Equal(reference.RejectedCount, output.RejectedCount);
        Assert.Equal(output.Read, output.Created + output.Updated + output.Unchanged + output.RejectedCount);
        Assert.Equal(reference.Links.Academised + reference.Links.Merged, output.Links.Academised + output.Links.Merged);
        var schools = await harness.AllSchoolsAsync();
        Assert.Equal(referenceSchools, Fingerprint(schools));
        Assert.Equal(schools.Count, (await harness.ListingsAsync()).Count);
    }

    /// <summary>The same files imported by one host from start to end, on a store of its own.</summary>
    private static async Task<(GiasImportOutput Output, IReadOnlyCollection<int> Batches, IReadOnlyList<string> Schools)> UninterruptedRunAsync(string extract, string links)
    {
        var calls = new ConcurrentDictionary<int, int>();
        await using var harness = await GiasHarness.StartAsync(BatchSize, r => r.AddActivity(ActivityNames.GiasImportBatch, sp =>
            new CountingBatch(sp.GetRequiredService<ImportGiasBatchHandler>(), calls)));
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync(OrchestrationNames.GiasImport, new GiasImportInput(extract, links), CancellationToken.None);
        var run = await harness.WaitAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        Assert.All(calls.Values, count => Assert.Equal(1, count));
        return (run.ReadOutputAs<GiasImportOutput>()!, [.. calls.Keys], Fingerprint(await harness.AllSchoolsAsync()));
    }

    private static List<string> Fingerprint(IEnumerable<Ecf.Domain.Schools.School> schools) =>
        [.. schools
            .Select(s => $"{s.Urn}|{s.GiasHash}|{s.Status}|{string.Join(',', s.Urns.Select(u => u.Urn))}|{s.MergedIntoSchoolId is null}|{s.SupersededBySchoolId is null}")
            .Order(StringComparer.Ordinal)];

    /// <summary>The real batch activity, counting calls per batch (by first row).</summary>
    private sealed class CountingBatch(ImportGiasBatchHandler handler, ConcurrentDictionary<int, int> calls) : ITaskActivity
    {
        public Type InputType => typeof(GiasBatchInput);

        public Type OutputType => typeof(GiasBatchResult);

        public async Task<object?> RunAsync(TaskActivityContext context, object? input)
        {
            var batch = (GiasBatchInput)input!;
            calls.AddOrUpdate(batch.Batch.FirstRow, 1, (_, c) => c + 1);
            return await handler.HandleAsync(new ImportGiasBatchCommand(batch.ExtractFile, batch.Batch, batch.CorrelationId, batch.At));
        }
    }
}
