using System.Collections.Concurrent;
using Ecf.Application.Gias;
using Ecf.LocalRuntime;
using Ecf.Orchestrations.Gias;
using Ecf.Orchestrations.GiasHost;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Ecf.Orchestrations.Tests.Gias;

/// <summary>
/// A host process running the import on the app's local durable runtime (task hub on Azurite, data on the embedded store) is
/// SIGKILLed in the middle of the run; a new host on the same task hub and store file completes the instance. The result is that
/// of an uninterrupted run, and batches the killed host had finished are not run again. The batch in flight at the kill may run
/// more than once (at-least-once delivery: its message can be delivered again, or sent again when the killed host had sent it
/// before recording it in the history), which its idempotence makes harmless.
/// </summary>
public sealed class GiasImportCrashTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const int Rows = 8_000;
    private const int BatchSize = 500;
    private static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(5);
    private readonly string _azuriteData = Path.Combine(Path.GetTempPath(), "ecf-azurite-" + Guid.NewGuid().ToString("N"));
    private AzuriteProcess? _azurite;

    public async Task InitializeAsync() => _azurite = await AzuriteProcess.StartAsync(_azuriteData);

    [Fact]
    public async Task GiasImport_HostProcessKilledMidRun_NewHostCompletesAsAnUninterruptedRun()
    {
        // Arrange: a generated extract; the store with no host in this process yet.
        var resumed = new ConcurrentDictionary<int, int>();
        await using var harness = await GiasHarness.StartAsync(BatchSize, sp => new ObservedBatchActivity(
            sp.GetRequiredService<ImportGiasBatchHandler>(), started: firstRow => resumed.AddOrUpdate(firstRow, 1, (_, c) => c + 1)), startHost: false);
        var (extract, links) = WriteExtract(harness.Folder);
        var id = "gias-crash-" + Guid.NewGuid().ToString("N");
        var taskHub = "GiasCrash" + Guid.NewGuid().ToString("N")[..12];

        // Act: the child host starts the run and is killed once it has finished three batches (past the first ContinueAsNew);
        // a host in this process takes over the task hub.
        IReadOnlyList<int> killed;
        int exitCode;
        await using (var child = await GiasChildHost.StartAsync(harness, extract, links, BatchSize, id, _azurite!.ConnectionString, taskHub, VisibilityTimeout))
        {
            await child.WaitForBatchesAsync(3);
            exitCode = await child.KillAsync();
            killed = child.Batches();
        }

        await harness.StartLocalHostAsync(_azurite.ConnectionString, taskHub, VisibilityTimeout);
        var run = await harness.WaitAsync(id, TimeSpan.FromMinutes(4));
        var (reference, referenceBatches, referenceSchools) = await UninterruptedRunAsync(extract, links);

        log.WriteLine($"killed (exit {exitCode}) after batches {string.Join(',', killed)}; the restarted host ran " +
            string.Join(',', resumed.OrderBy(b => b.Key).Select(b => $"{b.Key}x{b.Value}")));

        // Assert: completed, every batch run, none the killed host had finished run again (but the last it reported, if its
        // completion was not recorded before the kill); only that one and the batch in flight at the kill may have run twice.
        Assert.Equal(137, exitCode);
        Assert.True(run.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{run.RuntimeStatus}: {run.FailureDetails}");
        Assert.InRange(killed.Count, 3, referenceBatches.Count - 1);
        Assert.Equal(killed.Count, killed.Distinct().Count());
        var inFlight = referenceBatches.Order().First(b => !killed.Contains(b));
        Assert.All(resumed.Where(b => b.Key != inFlight && b.Key != killed[^1]), b => Assert.Equal(1, b.Value));
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

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        if (Directory.Exists(_azuriteData))
        {
            Directory.Delete(_azuriteData, recursive: true);
        }
    }

    private static (string Extract, string Links) WriteExtract(string folder)
    {
        var extract = Path.Combine(folder, "edubasealldata.csv");
        var links = Path.Combine(folder, "links.csv");
        using var e = File.Create(extract);
        using var l = File.Create(links);
        GiasExtractGenerator.Write(e, l, Rows, seed: 11);
        return (extract, links);
    }

    /// <summary>The same files imported by one host (the in-process test host) from start to end, on a store of its own.</summary>
    private static async Task<(GiasImportOutput Output, IReadOnlyCollection<int> Batches, IReadOnlyList<string> Schools)> UninterruptedRunAsync(string extract, string links)
    {
        var calls = new ConcurrentDictionary<int, int>();
        await using var harness = await GiasHarness.StartAsync(BatchSize, sp => new ObservedBatchActivity(
            sp.GetRequiredService<ImportGiasBatchHandler>(), started: firstRow => calls.AddOrUpdate(firstRow, 1, (_, c) => c + 1)));
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
}
