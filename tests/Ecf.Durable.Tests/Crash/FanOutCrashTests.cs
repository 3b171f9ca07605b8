using Ecf.Durable.Samples;
using Ecf.TestKit;

namespace Ecf.Durable.Tests.Crash;

/// <summary>A fan-out through sub-orchestrations survives a SIGKILL of its host at a seeded random point.</summary>
public sealed class FanOutCrashTests
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(101, 12)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task FanOut_HostKilledAtSeededPoint_NewHostCompletesWithSameOutput(int seed)
    {
        // Arrange
        var random = new Random(seed);
        var input = new FanOutInput(Total: 300, BatchSize: 100);
        using var temp = new TempDatabase();
        await CrashScenario.ScheduleAsync(temp.Path, SampleNames.FanOutTree, input, "fan");

        // Act
        var killAfter = random.Next(1, input.Total / 2);
        var killDelay = random.Next(0, 10);
        var exitCode = await CrashScenario.RunChildAndKillAsync(temp.Path, killAfter, killDelay);
        var statusAtKill = await CrashScenario.StatusAsync(temp.Path, "fan");
        var result = await CrashScenario.FinishWithNewHostAsync(temp.Path, "fan");

        // Assert
        var trial = $"seed {seed}: killed after {killAfter} activities + {killDelay} ms, exit code {exitCode}, status then {statusAtKill}, finally {result.RuntimeStatus} {result.FailureDetails}";
        Assert.True(exitCode == 137, trial);
        Assert.True(statusAtKill == OrchestrationRuntimeStatus.Running, trial);
        Assert.True(result.RuntimeStatus == OrchestrationRuntimeStatus.Completed, trial);
        Assert.Equal(FanOutTree.Expected(input.Total), result.ReadOutputAs<long>());
    }
}
