using System.Globalization;
using Ecf.Application.Gias;
using Ecf.Application.Storage;
using Ecf.LocalRuntime;
using Ecf.Orchestrations;
using Ecf.Orchestrations.Gias;
using Ecf.Orchestrations.GiasHost;
using Ecf.Storage.Sqlite;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: Ecf.Orchestrations.GiasHost <database> <filesFolder> <extract> <links> <batchSize> <instanceId> <storage connection string> <task hub> <visibility seconds>
// Runs the app's local durable runtime (the GIAS import on the Microsoft.DurableTask worker, task hub on the given Azure Storage
// account) over an existing embedded store, schedules the instance if it does not exist, prints "ready" once started,
// "b <firstRow>" after each batch activity has returned and "end <status> <error>" when the instance ends, and runs until
// killed or stdin closes.
if (args.Length != 9)
{
    await Console.Error.WriteLineAsync("usage: Ecf.Orchestrations.GiasHost <database> <filesFolder> <extract> <links> <batchSize> <instanceId> " +
        "<storage connection string> <task hub> <visibility seconds>");
    return 2;
}

var (database, filesFolder, extract, links, batchSize, instanceId) =
    (args[0], args[1], args[2], args[3], int.Parse(args[4], CultureInfo.InvariantCulture), args[5]);
var output = Console.Out;
var gate = new Lock();
void Say(string line)
{
    lock (gate)
    {
        output.WriteLine(line);
        output.Flush();
    }
}

await using var store = new SqliteDocumentStore(database);
await store.EnsureContainersAsync(EcfContainers.All);
await using var application = GiasImportServices.Build(store, filesFolder, batchSize, extract, links);

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["LocalDurable:Backend"] = "AzureStorage",
    ["LocalDurable:StorageConnectionString"] = args[6],
    ["LocalDurable:TaskHubName"] = args[7],
    ["LocalDurable:VisibilityTimeout"] = TimeSpan.FromSeconds(int.Parse(args[8], CultureInfo.InvariantCulture)).ToString("c", CultureInfo.InvariantCulture),
});
builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Services.AddGiasHandlers(application);
builder.Services.AddEcfLocalDurableTask(builder.Configuration, registry => GiasImportServices.Register(registry, sp =>
    new ObservedBatchActivity(sp.GetRequiredService<ImportGiasBatchHandler>(), finished: firstRow => Say("b " + firstRow.ToString(CultureInfo.InvariantCulture)))), DurableJson.Converter);
using var host = builder.Build();
await host.StartAsync();
var client = host.Services.GetRequiredService<DurableTaskClient>();
if (await client.GetInstanceAsync(instanceId) is null)
{
    await client.ScheduleNewOrchestrationInstanceAsync(OrchestrationNames.GiasImport, new GiasImportInput(extract, links), new StartOrchestrationOptions(instanceId));
}

Say("ready " + Environment.ProcessId);

// Reports the instance's end (or a failure) so the parent can fail fast rather than wait for batches that will never come.
_ = Task.Run(async () =>
{
    var run = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true);
    Say($"end {run.RuntimeStatus} {run.FailureDetails?.ErrorMessage}");
});
await Console.In.ReadToEndAsync();
await host.StopAsync();
return 0;
