using Ecf.Durable;
using Ecf.Durable.Samples;
using Ecf.Storage.Sqlite;

// Usage: Ecf.Durable.TestHost <database> <leaseMilliseconds>
// Runs a durable task host with the samples until killed or stdin closes. Prints "ready" once started and "a" after each
// Square or Mix activity, so a test can kill it (SIGKILL) at a chosen point.
if (args.Length < 2)
{
    await Console.Error.WriteLineAsync("usage: Ecf.Durable.TestHost <database> <leaseMilliseconds>");
    return 2;
}

var output = Console.Out;
var gate = new object();
SampleHooks.OnActivityDone = () =>
{
    lock (gate)
    {
        output.WriteLine("a");
        output.Flush();
    }
};

await using var store = new SqliteDocumentStore(args[0]);
var options = new DurableTaskOptions
{
    LeaseDuration = TimeSpan.FromMilliseconds(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)),
    MaxPollInterval = TimeSpan.FromMilliseconds(100),
    MaxConcurrentActivities = 16,
};
await using var host = new DurableTaskHost(store, new DurableTaskRegistry().AddSamples(), options);
await host.StartAsync(CancellationToken.None);
lock (gate)
{
    output.WriteLine("ready " + Environment.ProcessId);
    output.Flush();
}

// Run until the parent closes stdin (or kills the process).
await Console.In.ReadToEndAsync();
await host.StopAsync(CancellationToken.None);
return 0;
