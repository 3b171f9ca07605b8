using System.Globalization;
using Ecf.TestKit;

namespace Ecf.Orchestrations.Tests.Gias;

/// <summary>
/// tests/Ecf.Orchestrations.GiasHost as a real child process: the GIAS import on the app's local durable runtime (task hub on
/// Azurite), over the test's store file. It prints "b &lt;first row&gt;" for each finished batch, and "end ..." if the
/// instance ends in it (which fails the test's waits: it was meant to be killed mid-run).
/// </summary>
internal static class GiasChildHost
{
    public static Task<ChildProcess> StartAsync(GiasHarness harness, string extract, string links, int batchSize, string instanceId,
        string connectionString, string taskHub, TimeSpan visibilityTimeout) =>
        ChildProcess.StartAsync(ChildProcess.BuiltBeside("Ecf.Orchestrations.Tests", "Ecf.Orchestrations.GiasHost"), [
            harness.DatabasePath, harness.FilesFolder, extract, links, batchSize.ToString(CultureInfo.InvariantCulture), instanceId,
            connectionString, taskHub, ((int)visibilityTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
        ], failOn: "end ");

    /// <summary>Completes once the child has reported <paramref name="count"/> finished batches.</summary>
    public static Task WaitForBatchesAsync(this ChildProcess child, int count) => child.WaitForLinesAsync("b ", count, TimeSpan.FromSeconds(120));

    /// <summary>The batches (by first row) whose activity had returned in the child, as it reported them.</summary>
    public static IReadOnlyList<int> Batches(this ChildProcess child) =>
        [.. child.Lines("b ").Select(line => int.Parse(line, CultureInfo.InvariantCulture))];
}
