using Ecf.Durable.Samples;
using Ecf.TestKit;

namespace Ecf.Durable.Tests.Crash;

/// <summary>A sequence survives a SIGKILL of its host at a seeded random point: a new host completes it with the uninterrupted output.</summary>
public sealed class ChainCrashTests
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 12)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Chain_HostKilledAtSeededPoint_NewHostCompletesWithSameOutput(int seed)
    {
        // Arrange
        var random = new Random(seed);
        var input = new ChainInput(Steps: 30, Seed: seed * 7919);
        using var temp = new TempDatabase();
        await CrashScenario.ScheduleAsync(temp.Path, SampleNames.Chain, input, "chain");

        // Act
        var killAfter = random.Next(1, input.Steps / 2);
        var killDelay = random.Next(0, 10);
        var exitCode = await CrashScenario.RunChildAndKillAsync(temp.Path, killAfter, killDelay);
        var statusAtKill = await CrashScenario.StatusAsync(temp.Path, "chain");
        var result = await CrashScenario.FinishWithNewHostAsync(temp.Path, "chain");

        // Assert
        var trial = $"seed {seed}: killed after {killAfter} activities + {killDelay} ms, exit code {exitCode}, status then {statusAtKill}, finally {result.RuntimeStatus} {result.FailureDetails}";
        Assert.True(exitCode == 137, trial);
        Assert.True(statusAtKill == OrchestrationRuntimeStatus.Running, trial);
        Assert.True(result.RuntimeStatus == OrchestrationRuntimeStatus.Completed, trial);
        Assert.Equal(Chain.Expected(input), result.ReadOutputAs<long>());
    }
}
