using System.Collections.Concurrent;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Ecf.LocalRuntime.Tests;

/// <summary>
/// A short visibility timeout does not redeliver work still running: the hub renews the messages of work in progress, so an
/// activity that runs four times longer than the timeout runs once.
/// </summary>
[Collection(LocalRuntimeGroup.Name)]
public sealed class LongActivityTests(LocalRuntimeFixture fixture)
{
    private static readonly ConcurrentDictionary<string, int> Runs = new();

    [Fact]
    public async Task Activity_LongerThanTheVisibilityTimeout_RunsOnce()
    {
        // Arrange
        using var host = await fixture.StartHostAsync("Long" + Guid.NewGuid().ToString("N")[..12], registry =>
        {
            registry.AddOrchestratorFunc<int, int>("Slow", (context, seconds) => context.CallActivityAsync<int>("Sleep", seconds));
            registry.AddActivityFunc<int, int>("Sleep", async (context, seconds) =>
            {
                var run = Runs.AddOrUpdate(context.InstanceId, 1, (_, n) => n + 1);
                await Task.Delay(TimeSpan.FromSeconds(seconds));
                return run;
            });
        }, visibilityTimeout: TimeSpan.FromSeconds(3));
        var client = host.Services.GetRequiredService<DurableTaskClient>();

        // Act
        var id = await client.ScheduleNewOrchestrationInstanceAsync("Slow", 12);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var result = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cancel.Token);
        await host.StopAsync();

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(1, Runs[id]);
        Assert.Equal(1, result.ReadOutputAs<int>());
    }
}
