using System.Diagnostics;
using System.Globalization;
using Ecf.LocalRuntime;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The local durable runtime's throughput: the Microsoft.DurableTask worker and client through the sidecar over
// DurableTask.AzureStorage on Azurite (started here on loopback, data in a temporary folder), in one process. Times, from
// schedule to completion seen by the client, a chain of sequential no-op activities and a fan-out/fan-in of no-op activities;
// prints activities/s (median of the runs; one warm-up of each first) and every run's output is checked.
var quick = args.Contains("--quick");
var runs = quick ? 1 : 5;
var chainLength = quick ? 20 : 100;
var fanOut = quick ? 100 : 1_000;

var data = Path.Combine(Path.GetTempPath(), "ecf-bench-localruntime-" + Guid.NewGuid().ToString("N"));
var azurite = await AzuriteProcess.StartAsync(data);
try
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["LocalDurable:Backend"] = "AzureStorage",
        ["LocalDurable:StorageConnectionString"] = azurite.ConnectionString,
        ["LocalDurable:TaskHubName"] = "EcfBench",
    });
    builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
    builder.Services.AddEcfLocalDurableTask(builder.Configuration, registry =>
    {
        registry.AddOrchestratorFunc<int, int>("Chain", async (context, n) =>
        {
            var value = 0;
            for (var i = 0; i < n; i++)
            {
                value = await context.CallActivityAsync<int>("Next", value);
            }

            return value;
        });
        registry.AddOrchestratorFunc<int, int>("FanOut", async (context, n) =>
            (await Task.WhenAll(Enumerable.Range(0, n).Select(i => context.CallActivityAsync<int>("One", i)))).Sum());
        registry.AddActivityFunc<int, int>("Next", (_, value) => value + 1);
        registry.AddActivityFunc<int, int>("One", (_, _) => 1);
    });
    using var host = builder.Build();
    var starting = Stopwatch.StartNew();
    await host.StartAsync();
    var client = host.Services.GetRequiredService<DurableTaskClient>();
    Console.WriteLine($"Local runtime benchmark: {runs} run(s) per case, {Environment.ProcessorCount} cores, Azurite 127.0.0.1 " +
        $"(queue port {azurite.Ports.Queue}); host started in {starting.Elapsed.TotalSeconds:N1} s.");

    await MeasureAsync(client, "Chain", Math.Min(chainLength, 10), print: false);
    await MeasureAsync(client, "FanOut", Math.Min(fanOut, 50), print: false);
    var sequential = new List<double>();
    var parallel = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        sequential.Add(await MeasureAsync(client, "Chain", chainLength));
        parallel.Add(await MeasureAsync(client, "FanOut", fanOut));
    }

    var stopping = Stopwatch.StartNew();
    await host.StopAsync();
    Console.WriteLine($"Host stopped in {stopping.Elapsed.TotalSeconds:N1} s.");
    Console.WriteLine();
    Console.WriteLine($"{"case",-44} {"activities/s (median)",22} {"in-repo engine on SQLite",26}");
    Console.WriteLine($"{$"sequential chain of {chainLength:N0} no-op activities",-44} {Median(sequential),22:N0} {"687 (chain of 1,000)",26}");
    Console.WriteLine($"{$"fan-out/fan-in of {fanOut:N0} no-op activities",-44} {Median(parallel),22:N0} {"4,746 (fan-out of 10,000)",26}");
    Console.WriteLine($"All runs: sequential [{Join(sequential)}], fan-out [{Join(parallel)}]");
    return 0;
}
finally
{
    await azurite.DisposeAsync();
    Directory.Delete(data, recursive: true);
}

static string Join(List<double> values) => string.Join(", ", values.Select(v => v.ToString("N1", CultureInfo.InvariantCulture)));

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static async Task<double> MeasureAsync(DurableTaskClient client, string orchestrator, int activities, bool print = true)
{
    var stopwatch = Stopwatch.StartNew();
    var id = await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, activities);
    using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(10));

    // Polled every 50 ms: the client's WaitForInstanceCompletionAsync checks this backend about every 2 s, which would be measured.
    while ((await client.GetInstanceAsync(id, getInputsAndOutputs: false, patience.Token))?.IsCompleted != true)
    {
        await Task.Delay(50, patience.Token);
    }

    stopwatch.Stop();
    var result = await client.GetInstanceAsync(id, getInputsAndOutputs: true, patience.Token)
        ?? throw new InvalidOperationException($"{orchestrator} instance {id} vanished.");
    if (result.RuntimeStatus != OrchestrationRuntimeStatus.Completed || result.ReadOutputAs<int>() != activities)
    {
        throw new InvalidOperationException($"{orchestrator} ended {result.RuntimeStatus} with {result.SerializedOutput}.");
    }

    var rate = activities / stopwatch.Elapsed.TotalSeconds;
    if (print)
    {
        Console.WriteLine($"  {orchestrator,-8} {activities,6:N0} activities in {stopwatch.Elapsed.TotalSeconds,6:N2} s = {rate,7:N1}/s");
    }

    return rate;
}
