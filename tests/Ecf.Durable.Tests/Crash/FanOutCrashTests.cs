using Ecf.Durable.Samples;

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
        var exitCode = await CrashScenario.RunChildAndKillAsync(temp.Path, killAfterActivities: random.Next(1, input.Total * 2 / 3), extraDelayMilliseconds: random.Next(0, 10));
        var statusAtKill = await CrashScenario.StatusAsync(temp.Path, "fan");
        var result = await CrashScenario.FinishWithNewHostAsync(temp.Path, "fan");

        // Assert
        Assert.Equal(137, exitCode);
        Assert.Equal(OrchestrationRuntimeStatus.Running, statusAtKill);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(FanOutTree.Expected(input.Total), result.ReadOutputAs<long>());
    }
}
