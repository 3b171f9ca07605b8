using Ecf.Durable;
using Ecf.Durable.Samples;
using Ecf.Storage.Sqlite;

// Usage: Ecf.Durable.TestHost <database> <leaseMilliseconds> [<killAfterActivities> <killDelayMilliseconds>]
// Runs a durable task host with the samples until killed or stdin closes. Prints "ready" once started and "a" after each
// Square or Mix activity. With a kill point, the process SIGKILLs itself that many milliseconds into its n-th activity, while
// its other threads keep dispatching and committing (a reader of stdout would be too slow to hit a point mid-run).
if (args.Length < 2)
{
    await Console.Error.WriteLineAsync("usage: Ecf.Durable.TestHost <database> <leaseMilliseconds>");
    return 2;
}

var output = Console.Out;
var gate = new object();
var killAfter = args.Length >= 4 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : int.MaxValue;
var killDelay = args.Length >= 4 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 0;
var done = 0;
SampleHooks.OnActivityDone = () =>
{
    lock (gate)
    {
        output.WriteLine("a");
        output.Flush();
    }

    if (Interlocked.Increment(ref done) == killAfter)
    {
        // Inside the n-th activity: busy-wait the seeded delay while the other threads keep dispatching and committing, then
        // SIGKILL. The activity itself never finishes, so the instance cannot complete before the kill.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.ElapsedMilliseconds < killDelay)
        {
            Thread.SpinWait(100);
        }

        System.Diagnostics.Process.GetCurrentProcess().Kill();
    }
};

await using var store = new SqliteDocumentStore(args[0]);
var options = new DurableTaskOptions
{
    LeaseDuration = TimeSpan.FromMilliseconds(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)),
    MaxPollInterval = TimeSpan.FromMilliseconds(100),
    MaxConcurrentActivities = 16,
};
// Poison work for the caps: an activity and an orchestrator that SIGKILL their own host every time they run.
var registry = new DurableTaskRegistry()
    .AddSamples()
    .AddActivityFunc<string, string>("KillsHost", (_, _) =>
    {
        System.Diagnostics.Process.GetCurrentProcess().Kill();
        return "unreachable";
    })
    .AddOrchestratorFunc<object?, string>("CallsHostKiller", (ctx, _) => ctx.CallActivityAsync<string>("KillsHost", "x"))
    .AddOrchestratorFunc<object?, string>("KillsHostInEpisode", (_, _) =>
    {
        System.Diagnostics.Process.GetCurrentProcess().Kill();
        return Task.FromResult("unreachable");
    });
await using var host = new DurableTaskHost(store, registry, options);
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
