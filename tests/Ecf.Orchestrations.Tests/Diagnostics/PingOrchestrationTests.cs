using Ecf.Orchestrations.Diagnostics;
using Ecf.Orchestrations.Tests.Infrastructure;
using Microsoft.DurableTask.Client;

namespace Ecf.Orchestrations.Tests.Diagnostics;

/// <summary>Ping run for real on the in-process test host: the worker, a durable timer, the activity, the custom status and failures.</summary>
public sealed class PingOrchestrationTests
{
    [Fact]
    public async Task Ping_WithMessageAndDelay_WaitsOnTheTimerThenRepliesWithItsInstanceId()
    {
        // Arrange
        await using var host = await TestHosts.StartAsync(registry => DiagnosticsRegistration.Register(registry), _ => { });

        // Act
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(OrchestrationNames.Ping, new PingInput("hi", DelaySeconds: 2));
        var waiting = await host.Client.WaitForInstanceStartAsync(id, getInputsAndOutputs: true);
        var run = await WaitAsync(host.Client, id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Running, waiting.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        Assert.Equal(new PingOutput("pong: hi", id), run.ReadOutputAs<PingOutput>());
        Assert.Equal(new PingProgress("done"), run.ReadCustomStatusAs<PingProgress>());
        Assert.True(run.LastUpdatedAt - run.CreatedAt >= TimeSpan.FromSeconds(2), $"{run.CreatedAt:O} to {run.LastUpdatedAt:O}");
    }

    [Fact]
    public async Task Ping_AskedToFail_EndsFailedWithTheActivitysError()
    {
        // Arrange
        await using var host = await TestHosts.StartAsync(registry => DiagnosticsRegistration.Register(registry), _ => { });

        // Act
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(OrchestrationNames.Ping, new PingInput("boom", Fail: true));
        var run = await WaitAsync(host.Client, id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Failed, run.RuntimeStatus);
        Assert.Contains("Echo was asked to fail (message 'boom')", run.FailureDetails!.ToString(), StringComparison.Ordinal);
        Assert.Equal(new PingProgress("echoing"), run.ReadCustomStatusAs<PingProgress>());
    }

    private static async Task<OrchestrationMetadata> WaitAsync(DurableTaskClient client, string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
    }
}
