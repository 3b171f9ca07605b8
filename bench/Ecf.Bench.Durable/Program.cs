using System.Diagnostics;
using System.Globalization;
using Ecf.Durable;
using Ecf.Durable.Samples;
using Ecf.Storage.Sqlite;

// Durable runtime throughput on the embedded store: a chain of sequential no-op activities and a fan-out/fan-in through
// sub-orchestrations of 1,000. Prints activities/s (median of the runs) next to the targets and published Durable Functions figures.
var quick = args.Contains("--quick");
var runs = quick ? 1 : 5;
var chainLength = quick ? 200 : 1_000;
var fanOut = quick ? 2_000 : 10_000;

Console.WriteLine($"Ecf.Durable benchmark: {runs} run(s) per case, {Environment.ProcessorCount} cores, embedded SQLite store (WAL, synchronous=NORMAL).");
// Warm-up (JIT, SQLite page cache) outside the measured runs.
await MeasureAsync(SampleNames.Chain, new ChainInput(50, 1), 50, Chain.Expected(new ChainInput(50, 1)), print: false);
await MeasureAsync(SampleNames.FanOutTree, new FanOutInput(500, 250), 500, FanOutTree.Expected(500), print: false);
var sequential = new List<double>();
var parallel = new List<double>();
for (var run = 0; run < runs; run++)
{
    sequential.Add(await MeasureAsync(SampleNames.Chain, new ChainInput(chainLength, 1), chainLength, Chain.Expected(new ChainInput(chainLength, 1))));
    parallel.Add(await MeasureAsync(SampleNames.FanOutTree, new FanOutInput(fanOut, 1_000), fanOut, FanOutTree.Expected(fanOut)));
}

Console.WriteLine();
Console.WriteLine($"{"case",-44} {"activities/s (median)",22} {"target",8}");
Console.WriteLine($"{$"sequential chain of {chainLength:N0} no-op activities",-44} {Median(sequential),22:N0} {250,8:N0}");
Console.WriteLine($"{$"fan-out/fan-in of {fanOut:N0} (sub-orchestrations of 1,000)",-44} {Median(parallel),22:N0} {2000,8:N0}");
Console.WriteLine();
Console.WriteLine("Published Durable Functions figures for comparison (Microsoft docs, durable-functions-perf-and-scale / Netherite):");
Console.WriteLine("  Azure Storage provider: about 5 sequential activities/s, about 100 fan-out activities/s per small VM.");
Console.WriteLine("  Netherite provider:     about 250 sequential activities/s and 500 fan-out activities/s on EP1.");
Console.WriteLine($"All runs: sequential [{string.Join(", ", sequential.Select(v => v.ToString("N0", CultureInfo.InvariantCulture)))}], fan-out [{string.Join(", ", parallel.Select(v => v.ToString("N0", CultureInfo.InvariantCulture)))}]");
return 0;

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static async Task<double> MeasureAsync(string orchestrator, object input, int activities, long expected, bool print = true)
{
    var folder = Path.Combine(Path.GetTempPath(), "ecf-bench-durable", Guid.NewGuid().ToString("N"));
    try
    {
        await using var store = new SqliteDocumentStore(Path.Combine(folder, "bench.db"));
        await using var host = new DurableTaskHost(store, new DurableTaskRegistry().AddSamples(), new DurableTaskOptions());
        await host.StartAsync(CancellationToken.None);
        var stopwatch = Stopwatch.StartNew();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input);
        var result = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
        stopwatch.Stop();
        if (result.RuntimeStatus != OrchestrationRuntimeStatus.Completed || result.ReadOutputAs<long>() != expected)
        {
            throw new InvalidOperationException($"{orchestrator} ended {result.RuntimeStatus} with {result.SerializedOutput} ({result.FailureDetails}).");
        }

        var rate = activities / stopwatch.Elapsed.TotalSeconds;
        if (print)
        {
            Console.WriteLine($"  {orchestrator,-12} {activities,7:N0} activities in {stopwatch.Elapsed.TotalSeconds,6:N2} s = {rate,8:N0}/s");
        }

        await host.StopAsync(CancellationToken.None);
        return rate;
    }
    finally
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
