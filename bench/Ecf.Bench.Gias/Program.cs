using System.Diagnostics;
using System.Globalization;
using Ecf.Application.Gias;
using Ecf.Application.Schools;
using Ecf.Application.Storage;
using Ecf.LocalRuntime;
using Ecf.Orchestrations;
using Ecf.Orchestrations.Gias;
using Ecf.Storage;
using Ecf.Storage.Files;
using Ecf.Storage.Sqlite;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// GIAS import benchmark: a generated extract (real edubasealldata layout) plus links, imported through the GiasImport
// orchestration into an empty embedded store; then the same files again (must write nothing); and parse-only time. The
// orchestration runs on the app's local durable runtime (the Microsoft.DurableTask worker, task hub on an Azurite started here
// on loopback with its data in a temporary folder).
//   dotnet run -c Release --project bench/Ecf.Bench.Gias                 # 50,000 rows
//   dotnet run -c Release --project bench/Ecf.Bench.Gias -- --quick      # 5,000 rows
//   dotnet run -c Release --project bench/Ecf.Bench.Gias -- --write-bundled data/gias   # the small local extract
var rows = args.Contains("--quick") ? 5_000 : 50_000;
var rowsArg = Array.IndexOf(args, "--rows");
if (rowsArg >= 0)
{
    rows = int.Parse(args[rowsArg + 1], CultureInfo.InvariantCulture);
}

var bundled = Array.IndexOf(args, "--write-bundled");
if (bundled >= 0)
{
    var target = args[bundled + 1];
    Directory.CreateDirectory(target);
    await using var e = File.Create(Path.Combine(target, "edubasealldata.csv"));
    await using var l = File.Create(Path.Combine(target, "links.csv"));
    var n = GiasExtractGenerator.Write(e, l, 400, seed: 2024);
    Console.WriteLine($"Wrote 400 rows and {n} successor links to {target}.");
    return;
}

var folder = Path.Combine(Path.GetTempPath(), "ecf-bench-gias", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
AzuriteProcess? azurite = null;
try
{
    var extract = Path.Combine(folder, "edubasealldata.csv");
    var links = Path.Combine(folder, "links.csv");
    int successorLinks;
    await using (var e = File.Create(extract))
    await using (var l = File.Create(links))
    {
        successorLinks = GiasExtractGenerator.Write(e, l, rows);
    }

    Console.WriteLine($"Extract: {rows:N0} rows, {new FileInfo(extract).Length / 1024.0 / 1024.0:F1} MB; links: {successorLinks:N0} successor links.");

    var parse = Stopwatch.StartNew();
    var parsed = 0;
    await using (var stream = File.OpenRead(extract))
    {
        using var reader = GiasExtractReader.Open(stream)!;
        while (reader.ReadRow() is { Facts: not null })
        {
            parsed++;
        }
    }

    parse.Stop();
    Console.WriteLine($"Parse only: {parsed:N0} rows in {parse.Elapsed.TotalSeconds:F2} s; machine load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");

    var store = new SqliteDocumentStore(Path.Combine(folder, "ecf.db"));
    await store.EnsureContainersAsync(EcfContainers.All);
    var batchArg = Array.IndexOf(args, "--batch");
    var configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(batchArg >= 0 ? new Dictionary<string, string?> { ["Gias:BatchSize"] = args[batchArg + 1] } : [])
        .Build();
    await using var services = new ServiceCollection()
        .AddSingleton<IConfiguration>(configuration)
        .AddSingleton<IDocumentStore>(store)
        .AddSingleton<IFileStore>(new LocalFileStore(Path.Combine(folder, "files")))
        .AddLogging()
        .AddEcfSchools()
        .BuildServiceProvider();
    if (args.Contains("--direct"))
    {
        var prep = await services.GetRequiredService<PrepareGiasImportHandler>().HandleAsync(new PrepareGiasImportCommand(extract, links, new DateOnly(2025, 1, 1)));
        var batchHandler = services.GetRequiredService<ImportGiasBatchHandler>();
        foreach (var pass in new[] { 1, 2 })
        {
            var w = Stopwatch.StartNew();
            foreach (var b in prep.Value.Batches)
            {
                var bw = Stopwatch.StartNew();
                var r = await batchHandler.HandleAsync(new ImportGiasBatchCommand(prep.Value.ExtractFile, b, "direct", DateTimeOffset.UnixEpoch));
                Console.WriteLine($"pass {pass} batch {b.FirstRow}: {bw.ElapsedMilliseconds} ms, written {r.Written}");
            }

            Console.WriteLine($"pass {pass}: {w.Elapsed.TotalSeconds:F2} s");
        }

        return;
    }

    azurite = await AzuriteProcess.StartAsync(Path.Combine(folder, "azurite"));
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["LocalDurable:Backend"] = "AzureStorage",
        ["LocalDurable:StorageConnectionString"] = azurite.ConnectionString,
        ["LocalDurable:TaskHubName"] = "EcfBenchGias",
    });
    builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
    builder.Services
        .AddSingleton(services.GetRequiredService<PrepareGiasImportHandler>())
        .AddSingleton(services.GetRequiredService<ImportGiasBatchHandler>())
        .AddSingleton(services.GetRequiredService<ApplyGiasLinksHandler>())
        .AddEcfLocalDurableTask(builder.Configuration, registry => GiasImportRegistration.Register(registry), DurableJson.Converter);
    using var host = builder.Build();
    await host.StartAsync();
    var client = host.Services.GetRequiredService<DurableTaskClient>();

    async Task<(GiasImportOutput Output, TimeSpan Elapsed)> RunAsync()
    {
        var watch = Stopwatch.StartNew();
        var id = await client.ScheduleNewOrchestrationInstanceAsync(OrchestrationNames.GiasImport, new GiasImportInput(extract, links), CancellationToken.None);
        var run = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, CancellationToken.None);
        watch.Stop();
        if (run.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException($"Import ended {run.RuntimeStatus}: {run.FailureDetails?.ErrorMessage}");
        }

        return (run.ReadOutputAs<GiasImportOutput>()!, watch.Elapsed);
    }

    var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
    var first = await RunAsync();
    var cpu1 = Process.GetCurrentProcess().TotalProcessorTime;
    Console.WriteLine($"Import into an empty store: {first.Elapsed.TotalSeconds:F2} s wall; read {first.Output.Read:N0}, created {first.Output.Created:N0}, " +
        $"rejected {first.Output.RejectedCount:N0}, written {first.Output.Written:N0}; links: academised {first.Output.Links.Academised:N0}, merged {first.Output.Links.Merged:N0}");
    Console.WriteLine($"  process CPU time of the import: {(cpu1 - cpu0).TotalSeconds:F2} s");
    var second = await RunAsync();
    Console.WriteLine($"  process CPU time of the re-import: {(Process.GetCurrentProcess().TotalProcessorTime - cpu1).TotalSeconds:F2} s");
    Console.WriteLine($"Unchanged re-import: {second.Elapsed.TotalSeconds:F2} s wall; written {second.Output.Written:N0}, unchanged {second.Output.Unchanged:N0}");
    Console.WriteLine($"Import / parse-only: {first.Elapsed.TotalSeconds / parse.Elapsed.TotalSeconds:F1}x");
    Console.WriteLine($"Peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB");
    Console.WriteLine();
    Console.WriteLine($"Targets: import <= 20 s: {(first.Elapsed.TotalSeconds <= 20 ? "met" : "NOT met")}; re-import <= 5 s with 0 writes: " +
        $"{(second.Elapsed.TotalSeconds <= 5 && second.Output.Written == 0 ? "met" : "NOT met")}; peak <= 400 MB: " +
        $"{(Process.GetCurrentProcess().PeakWorkingSet64 <= 400L * 1024 * 1024 ? "met" : "NOT met")}; import within 4x parse-only: " +
        $"{(first.Elapsed.TotalSeconds <= 4 * parse.Elapsed.TotalSeconds ? "met" : "NOT met")}");
    await host.StopAsync();
    await store.DisposeAsync();
}
finally
{
    if (azurite is not null)
    {
        await azurite.DisposeAsync();
    }

    try
    {
        Directory.Delete(folder, recursive: true);
    }
    catch (IOException)
    {
    }
}
