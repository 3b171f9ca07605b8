using System.Diagnostics;
using System.Globalization;
using Ecf.LocalRuntime.CrashHost;
using Ecf.TestKit;
using Xunit.Abstractions;

namespace Ecf.LocalRuntime.Tests.Crash;

/// <summary>
/// A fan-out survives a kill -9 of its host process: a new process on the same task hub completes it, every index recorded
/// (at least once: an activity the killed host had started may run again, none is lost).
/// </summary>
[Collection(LocalRuntimeGroup.Name)]
public sealed class CrashTests(LocalRuntimeFixture fixture, ITestOutputHelper output) : IDisposable
{
    private const int Count = 200;
    private const int VisibilitySeconds = 10;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ecf-crash-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task FanOut_HostKilledMidRun_RestartedHostCompletesWithEveryIndexRecorded()
    {
        // Arrange
        var taskHub = "Crash" + Guid.NewGuid().ToString("N")[..12];
        var instanceId = "crash-" + Guid.NewGuid().ToString("N");
        var connection = fixture.Azurite.ConnectionString;

        // Act
        int exitCode;
        IReadOnlySet<int> recordedAtKill;
        await using (var first = await StartHostAsync(connection, taskHub, instanceId, "start"))
        {
            await first.WaitForLinesAsync("a", 30, TimeSpan.FromSeconds(120));
            exitCode = await first.KillAsync();
            recordedAtKill = CrashFanOut.Recorded(_directory);
        }

        var restart = Stopwatch.StartNew();
        string done;
        string errors;
        await using (var second = await StartHostAsync(connection, taskHub, instanceId, "resume"))
        {
            try
            {
                await second.WaitForLinesAsync("done ", 1, TimeSpan.FromSeconds(180));
                done = second.Lines("done ")[0];
            }
            catch (TimeoutException)
            {
                await second.KillAsync();
                throw new TimeoutException($"The restarted host did not finish within 180 s; {CrashFanOut.Recorded(_directory).Count} of " +
                    $"{Count} recorded; its stderr: {await second.ErrorsAsync()}");
            }

            await second.WaitForExitAsync(TimeSpan.FromSeconds(60));
            errors = await second.ErrorsAsync();
        }

        // Assert
        var recorded = CrashFanOut.Recorded(_directory);
        var executions = CrashFanOut.Executions(_directory);
        output.WriteLine($"killed (exit {exitCode}) with {recordedAtKill.Count} of {Count} recorded; the restarted host finished in " +
            $"{restart.Elapsed.TotalSeconds:F1} s; {executions.Count} executions for {Count} indexes; restarted host's stderr: {errors}");
        Assert.Equal(137, exitCode);
        Assert.InRange(recordedAtKill.Count, 30, Count - 1);
        Assert.Equal($"Completed {Count}", done);
        Assert.Equal(Enumerable.Range(0, Count).ToHashSet(), recorded);
        Assert.True(executions.Count >= Count);
        Assert.Equal(Enumerable.Range(0, Count).ToHashSet(), executions.ToHashSet());
    }

    /// <summary>tests/Ecf.LocalRuntime.CrashHost: prints "a" per activity it records and "done &lt;status&gt; &lt;output&gt;" at the end.</summary>
    private Task<ChildProcess> StartHostAsync(string connection, string taskHub, string instanceId, string mode) =>
        ChildProcess.StartAsync(ChildProcess.BuiltBeside("Ecf.LocalRuntime.Tests", "Ecf.LocalRuntime.CrashHost"), [
            connection, taskHub, VisibilitySeconds.ToString(CultureInfo.InvariantCulture), _directory, instanceId,
            Count.ToString(CultureInfo.InvariantCulture), mode,
        ]);

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
