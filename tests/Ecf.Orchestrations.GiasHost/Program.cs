using System.Globalization;
using Ecf.Application.Gias;
using Ecf.Application.Schools;
using Ecf.Application.Storage;
using Ecf.Durable;
using Ecf.Orchestrations;
using Ecf.Orchestrations.Gias;
using Ecf.Storage;
using Ecf.Storage.Files;
using Ecf.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Usage: Ecf.Orchestrations.GiasHost <database> <filesFolder> <extract> <links> <batchSize> <instanceId>
// Runs a durable task host with the GIAS import over an existing embedded store, schedules the instance if it does not exist,
// prints "ready" once started, "b <firstRow>" after each batch activity has returned and "end <status> <error>" when the
// instance ends, and runs until killed or stdin closes.
if (args.Length < 6)
{
    await Console.Error.WriteLineAsync("usage: Ecf.Orchestrations.GiasHost <database> <filesFolder> <extract> <links> <batchSize> <instanceId>");
    return 2;
}

var output = Console.Out;
var gate = new Lock();
await using var store = new SqliteDocumentStore(args[0]);
await store.EnsureContainersAsync(EcfContainers.All);
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Gias:BatchSize"] = args[4],
    ["Gias:BatchesPerGeneration"] = "2",
    ["Gias:Extract"] = args[2],
    ["Gias:Links"] = args[3],
}).Build();
await using var services = new ServiceCollection()
    .AddSingleton<IConfiguration>(configuration)
    .AddSingleton<IDocumentStore>(store)
    .AddSingleton<IFileStore>(new LocalFileStore(args[1]))
    .AddLogging()
    .AddEcfSchools()
    .BuildServiceProvider();
var registry = new DurableTaskRegistry()
    .AddOrchestrator<GiasImportOrchestrator>(OrchestrationNames.GiasImport)
    .AddActivity<GiasPrepareImportActivity>(ActivityNames.GiasPrepareImport)
    .AddActivity<GiasApplyLinksActivity>(ActivityNames.GiasApplyLinks)
    .AddActivity(ActivityNames.GiasImportBatch, sp => new ReportingBatch(sp.GetRequiredService<ImportGiasBatchHandler>(), firstRow =>
    {
        lock (gate)
        {
            output.WriteLine("b " + firstRow.ToString(CultureInfo.InvariantCulture));
            output.Flush();
        }
    }));
var options = new DurableTaskOptions { LeaseDuration = TimeSpan.FromSeconds(2), MaxPollInterval = TimeSpan.FromMilliseconds(50) };
await using var host = new DurableTaskHost(store, registry, options, TimeProvider.System, null, services);
await host.StartAsync(CancellationToken.None);
if (await host.Client.GetInstanceAsync(args[5]) is null)
{
    await host.Client.ScheduleNewOrchestrationInstanceAsync(
        OrchestrationNames.GiasImport, new GiasImportInput(args[2], args[3]), new StartOrchestrationOptions(args[5]));
}

lock (gate)
{
    output.WriteLine("ready " + Environment.ProcessId);
    output.Flush();
}

// Reports the instance's end (or a failure) so the parent can fail fast rather than wait for batches that will never come.
_ = Task.Run(async () =>
{
    var run = await host.Client.WaitForInstanceCompletionAsync(args[5], getInputsAndOutputs: true);
    lock (gate)
    {
        output.WriteLine($"end {run.RuntimeStatus} {run.FailureDetails?.ErrorMessage}");
        output.Flush();
    }
});
await Console.In.ReadToEndAsync();
await host.StopAsync(CancellationToken.None);
return 0;

/// <summary>The real batch activity, reporting each batch (by its first row) once it has returned.</summary>
internal sealed class ReportingBatch(ImportGiasBatchHandler handler, Action<int> reported) : ITaskActivity
{
    public Type InputType => typeof(GiasBatchInput);

    public Type OutputType => typeof(GiasBatchResult);

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        var batch = (GiasBatchInput)input!;
        var result = await handler.HandleAsync(new ImportGiasBatchCommand(batch.ExtractFile, batch.Batch, batch.CorrelationId, batch.At));
        reported(batch.Batch.FirstRow);
        return result;
    }
}
