using System.Collections.Concurrent;
using Ecf.Application.Gias;
using Ecf.Durable;
using Ecf.Orchestrations.Gias;
using Microsoft.Extensions.DependencyInjection;

namespace Ecf.Orchestrations.Tests.Gias;

/// <summary>
/// A host stops in the middle of a run (inside a batch, after that batch's writes and before its completion is recorded);
/// a new host over the same store resumes it: finished batches are not run again, and the result is as if nothing happened.
/// </summary>
public sealed class GiasImportResumeTests
{
    [Fact]
    public async Task GiasImport_HostStopsMidBatch_NewHostResumesWithoutRedoingFinishedBatches()
    {
        // The host goes away while the third batch hangs after writing; its lease is left to expire.
        var (harness, calls, run) = await StopInBatchThenResumeAsync("day1_edubasealldata.csv", hangOnFirstRow: 10);
        await using var _ = harness;

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        Assert.Equal(1, calls[2]);
        Assert.Equal(1, calls[6]);
        Assert.True(calls[10] >= 2);
        Assert.Equal(1, calls[14]);
        var output = run.ReadOutputAs<GiasImportOutput>()!;
        Assert.Equal(13, output.Read);
        Assert.Equal(11, (await harness.AllSchoolsAsync()).Count);
        var rerun = await harness.RunAsync("day1_edubasealldata.csv", "day1_links.csv");
        Assert.Equal(0, rerun.ReadOutputAs<GiasImportOutput>()!.Written);
    }

    [Fact]
    public async Task GiasImport_HostStopsInBatchWithDuplicates_RedoneBatchRejectsTheSameRows()
    {
        // The last batch (rows 14-17: two duplicates) has written; the host goes away before its completion is recorded.
        var (harness, calls, run) = await StopInBatchThenResumeAsync("duplicates_edubasealldata.csv", hangOnFirstRow: 14);
        await using var _ = harness;

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        Assert.True(calls[14] >= 2);
        var output = run.ReadOutputAs<GiasImportOutput>()!;
        Assert.Equal([13, 14, 15, 17], output.Rejected.Select(r => r.Row).Order());
        Assert.Contains(output.Rejected, r => r.Row == 15 && r.Reason == "Duplicate URN 100001, first seen at row 2.");
        Assert.Equal("Alpha Primary School", (await harness.SchoolByUrnAsync(100001))!.Name);
        Assert.Equal("Omega Primary School", (await harness.SchoolByUrnAsync(100015))!.Name);
        Assert.Equal(12, (await harness.AllSchoolsAsync()).Count);
    }

    /// <summary>The real batch activity, counting calls per batch; the first call for one batch writes, then hangs until released and fails.</summary>
    /// <summary>Starts a run whose batch at <paramref name="hangOnFirstRow"/> hangs after writing, stops the host, starts a new one and waits for the end.</summary>
    private static async Task<(GiasHarness Harness, ConcurrentDictionary<int, int> Calls, OrchestrationMetadata Run)> StopInBatchThenResumeAsync(string extract, int hangOnFirstRow)
    {
        var calls = new ConcurrentDictionary<int, int>();
        var hang = new HangingBatch(calls, hangOnFirstRow);
        var harness = await GiasHarness.StartAsync(batchSize: 4, register: r => r.AddActivity(ActivityNames.GiasImportBatch, sp =>
        {
            hang.Handler = sp.GetRequiredService<ImportGiasBatchHandler>();
            return hang;
        }));
        try
        {
            var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync(
                OrchestrationNames.GiasImport, new GiasImportInput(GiasHarness.Fixture(extract), GiasHarness.Fixture("day1_links.csv")), CancellationToken.None);
            await hang.Reached.Task.WaitAsync(TimeSpan.FromSeconds(60));
            hang.Release.Cancel();
            await harness.StopHostAsync();
            await harness.StartHostAsync();
            return (harness, calls, await harness.WaitAsync(id));
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
    }

    private sealed class HangingBatch(ConcurrentDictionary<int, int> calls, int hangOnFirstRow) : ITaskActivity
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenSource Release { get; } = new();

        public Type InputType => typeof(GiasBatchInput);

        public Type OutputType => typeof(GiasBatchResult);

        public async Task<object?> RunAsync(TaskActivityContext context, object? input)
        {
            var batch = (GiasBatchInput)input!;
            var count = calls.AddOrUpdate(batch.Batch.FirstRow, 1, (_, c) => c + 1);
            var handler = Handler ?? throw new InvalidOperationException("No handler.");
            var result = await handler.HandleAsync(new ImportGiasBatchCommand(batch.ExtractFile, batch.Batch, batch.CorrelationId, batch.At));
            if (batch.Batch.FirstRow == hangOnFirstRow && count == 1)
            {
                Reached.TrySetResult();
                await Task.Delay(Timeout.Infinite, Release.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                throw new InvalidOperationException("The host went away.");
            }

            return result;
        }

        public ImportGiasBatchHandler? Handler { get; set; }
    }
}
