using System.Globalization;
using Microsoft.DurableTask;

namespace Ecf.LocalRuntime.CrashHost;

/// <summary>
/// A fan-out of <see cref="Input.Count"/> activities, each recording its index as a file named by the index (an idempotent
/// effect: a second run of the same index writes the same file) and appending the index to its process's execution log (so a
/// test can count how often each ran).
/// </summary>
public static class CrashFanOut
{
    public const string Orchestration = "RecordAll";
    public const string Activity = "RecordIndex";
    public const string RecordsFolder = "records";
    public const string ExecutionsFolder = "executions";

    private static readonly Lock LogLock = new();

    public sealed record Input(string Directory, int Count);

    public sealed record Item(string Directory, int Index);

    public static void Register(DurableTaskRegistry registry, Action? afterEachActivity = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestratorFunc<Input, int>(Orchestration, async (context, input) =>
        {
            var done = await Task.WhenAll(Enumerable.Range(0, input.Count).Select(i =>
                context.CallActivityAsync<bool>(Activity, new Item(input.Directory, i))));
            return done.Count(d => d);
        });
        registry.AddActivityFunc<Item, bool>(Activity, (_, item) =>
        {
            var name = item.Index.ToString(CultureInfo.InvariantCulture);
            File.WriteAllText(Path.Combine(item.Directory, RecordsFolder, name), name);
            lock (LogLock)
            {
                File.AppendAllText(
                    Path.Combine(item.Directory, ExecutionsFolder, Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".log"),
                    name + "\n");
            }

            afterEachActivity?.Invoke();
            return true;
        });
    }

    /// <summary>Creates the folders the activities write to.</summary>
    public static void Prepare(string directory)
    {
        Directory.CreateDirectory(Path.Combine(directory, RecordsFolder));
        Directory.CreateDirectory(Path.Combine(directory, ExecutionsFolder));
    }

    /// <summary>The indexes recorded so far.</summary>
    public static IReadOnlySet<int> Recorded(string directory) =>
        Directory.EnumerateFiles(Path.Combine(directory, RecordsFolder))
            .Select(f => int.Parse(Path.GetFileName(f), CultureInfo.InvariantCulture))
            .ToHashSet();

    /// <summary>Every execution of an activity by any process, in the order each process ran them.</summary>
    public static IReadOnlyList<int> Executions(string directory) =>
        [.. Directory.EnumerateFiles(Path.Combine(directory, ExecutionsFolder))
            .SelectMany(File.ReadAllLines)
            .Where(l => l.Length > 0)
            .Select(l => int.Parse(l, CultureInfo.InvariantCulture))];
}
