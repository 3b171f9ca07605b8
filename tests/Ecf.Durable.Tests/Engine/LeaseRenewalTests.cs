using System.Collections.Concurrent;

namespace Ecf.Durable.Tests.Engine;

public sealed class LeaseRenewalTests
{
    private static readonly ConcurrentDictionary<string, int> Runs = new(StringComparer.Ordinal);

    [Fact]
    public async Task LongActivity_LongerThanLease_RenewedSoSecondHostNeverRunsIt()
    {
        // Arrange: two hosts on one store; the activity takes two and a half lease durations (renewed every third of one).
        var key = Guid.NewGuid().ToString("N");
        await using var harness = await DurableHarness.StartAsync(
            r => r
                .AddActivityFunc<string, string>("Slow", async (_, k) =>
                {
                    Runs.AddOrUpdate(k, 1, (_, n) => n + 1);
                    await Task.Delay(TimeSpan.FromSeconds(5));
                    return "slow done";
                })
                .AddOrchestratorFunc<string, string>("CallsSlow", (ctx, k) => ctx.CallActivityAsync<string>("Slow", k)),
            o => o.LeaseDuration = TimeSpan.FromSeconds(2));
        await harness.StartAnotherHostAsync();

        // Act
        var result = await harness.RunAsync("CallsSlow", key);

        // Assert
        Assert.Equal("slow done", result.ReadOutputAs<string>());
        Assert.Equal(1, Runs[key]);
    }
}
