// The local runtime in its own process, for the kill -9 test (Ecf.LocalRuntime.Tests/Crash).
// Usage: Ecf.LocalRuntime.CrashHost <storage connection string> <task hub> <visibility timeout seconds> <directory> <instance id> <count> start|resume
// Prints "ready" once the host runs, "a" after each activity, and "done <status> <output>" when the instance has finished.
using System.Globalization;
using Ecf.LocalRuntime;
using Ecf.LocalRuntime.CrashHost;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

if (args.Length != 7 || args[6] is not ("start" or "resume"))
{
    await Console.Error.WriteLineAsync("usage: <connection string> <task hub> <visibility seconds> <directory> <instance id> <count> start|resume");
    return 2;
}

var (connectionString, taskHub, visibilitySeconds, directory, instanceId, count, mode) =
    (args[0], args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3], args[4], int.Parse(args[5], CultureInfo.InvariantCulture), args[6]);

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["LocalDurable:Backend"] = "AzureStorage",
    ["LocalDurable:StorageConnectionString"] = connectionString,
    ["LocalDurable:TaskHubName"] = taskHub,
    ["LocalDurable:VisibilityTimeout"] = TimeSpan.FromSeconds(visibilitySeconds).ToString("c", CultureInfo.InvariantCulture),
});
builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.None);
builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Services.AddEcfLocalDurableTask(builder.Configuration, registry => CrashFanOut.Register(registry, () => Console.Out.WriteLine("a")));
using var host = builder.Build();
await host.StartAsync();
Console.Out.WriteLine("ready");

var client = host.Services.GetRequiredService<DurableTaskClient>();
if (mode == "start")
{
    CrashFanOut.Prepare(directory);
    await client.ScheduleNewOrchestrationInstanceAsync(CrashFanOut.Orchestration, new CrashFanOut.Input(directory, count),
        new StartOrchestrationOptions(instanceId));
}

var result = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true);
Console.Out.WriteLine($"done {result.RuntimeStatus} {result.SerializedOutput}");
await host.StopAsync();
return 0;
