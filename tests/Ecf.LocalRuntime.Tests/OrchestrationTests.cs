using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Ecf.LocalRuntime.Tests;

/// <summary>The Microsoft.DurableTask programming model through the real client, on the local runtime over Azurite.</summary>
[Collection(LocalRuntimeGroup.Name)]
public sealed class OrchestrationTests(LocalRuntimeFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private DurableTaskClient Client => fixture.Client;

    [Fact]
    public async Task Chain_OfActivities_CompletesWithTheLastOutput()
    {
        // Act
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(Samples.Chain, 10);
        var result = await WaitAsync(id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(10, result.ReadOutputAs<int>());
        Assert.Equal(Samples.Chain, result.Name);
    }

    [Fact]
    public async Task FanOut_FanIn_SumsEveryActivityResult()
    {
        // Act
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(Samples.FanOut, 50);
        var result = await WaitAsync(id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(Enumerable.Range(0, 50).Sum(i => (long)i * i), result.ReadOutputAs<long>());
    }

    [Fact]
    public async Task CustomStatus_IsVisibleWhileRunningAndAfterCompletion()
    {
        // Arrange
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(Samples.Progress, "job");

        // Act
        var running = await WaitForCustomStatusAsync(id, s => s.Stage == "waiting");
        await Client.RaiseEventAsync(id, "go", 7);
        var result = await WaitAsync(id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Running, running.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(new Samples.ProgressStatus("done", 7), result.ReadCustomStatusAs<Samples.ProgressStatus>());
        Assert.Equal("job:7", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task RetryPolicy_ActivityFailsTwice_ThirdAttemptSucceeds()
    {
        // Act
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(Samples.RetryUntilSuccess, 2);
        var result = await WaitAsync(id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(3, result.ReadOutputAs<int>());
        Assert.Equal(3, Samples.Attempts[id]);
    }

    [Fact]
    public async Task RetryPolicy_AttemptsExhausted_OrchestrationFailsWithTheActivityFailure()
    {
        // Act
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(Samples.RetryExhausted, 5);
        var result = await WaitAsync(id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(2, Samples.Attempts[id]);
        // This backend, through the sidecar, keeps no structured failure details: the failure's message is the instance's output.
        Assert.Null(result.FailureDetails);
        Assert.StartsWith($"Task '{Samples.FailTimes}' ", result.SerializedOutput, StringComparison.Ordinal);
        Assert.EndsWith(" failed with an unhandled exception: attempt 2 fails", result.SerializedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContinueAsNew_RestartsWithNewInputUntilDone()
    {
        // Act
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(Samples.Countdown, new Samples.CountdownState(3, 0));
        var result = await WaitAsync(id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(new Samples.CountdownState(0, 3), result.ReadOutputAs<Samples.CountdownState>());
        Assert.Equal(new Samples.CountdownState(0, 3), result.ReadInputAs<Samples.CountdownState>());
    }

    [Fact]
    public async Task Terminate_RunningInstance_EndsTerminatedWithOutput_ThenPurgeRemovesIt()
    {
        // Arrange
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(Samples.WaitForGo, "x");
        await Client.WaitForInstanceStartAsync(id, CancelAfter());

        // Act
        await Client.TerminateInstanceAsync(id, "stopped by test");
        var terminated = await WaitAsync(id);
        var purge = await Client.PurgeInstanceAsync(id);
        var afterPurge = await Client.GetInstanceAsync(id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, terminated.RuntimeStatus);
        Assert.Equal("stopped by test", terminated.ReadOutputAs<string>());
        Assert.Equal(1, purge.PurgedInstanceCount);
        Assert.Null(afterPurge);
    }

    [Fact]
    public async Task InstanceId_Chosen_IsUsed_AndAFinishedOneStartsAfresh()
    {
        // Arrange
        var id = "chosen-" + Guid.NewGuid().ToString("N");

        // Act
        var first = await Client.ScheduleNewOrchestrationInstanceAsync(Samples.Chain, 2, new StartOrchestrationOptions(id));
        var firstResult = await WaitAsync(id);
        var second = await Client.ScheduleNewOrchestrationInstanceAsync(Samples.Chain, 3, new StartOrchestrationOptions(id));
        var secondResult = await WaitAsync(id);

        // Assert
        Assert.Equal(id, first);
        Assert.Equal(id, second);
        Assert.Equal(2, firstResult.ReadOutputAs<int>());
        Assert.Equal(3, secondResult.ReadOutputAs<int>());
    }

    [Fact]
    public async Task InstanceId_OfARunningInstance_IsRefused_AndTheRunningOneGoesOn()
    {
        // Arrange
        var id = "running-" + Guid.NewGuid().ToString("N");
        await Client.ScheduleNewOrchestrationInstanceAsync(Samples.WaitForGo, "first", new StartOrchestrationOptions(id));
        await Client.WaitForInstanceStartAsync(id, CancelAfter());

        // Act
        var refused = await Record.ExceptionAsync(() => Client.ScheduleNewOrchestrationInstanceAsync(Samples.WaitForGo, "second",
            new StartOrchestrationOptions(id)));
        await Client.RaiseEventAsync(id, "go", "went");
        var result = await WaitAsync(id);

        // Assert
        var alreadyExists = Assert.IsType<DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException>(refused);
        Assert.Equal("An Orchestration instance with the status Running already exists.", alreadyExists.Message);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("\"first\"", result.SerializedInput);
        Assert.Equal("went", result.ReadOutputAs<string>());
    }

    private async Task<OrchestrationMetadata> WaitAsync(string id)
    {
        using var cancel = new CancellationTokenSource(Patience);
        return await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cancel.Token);
    }

    private async Task<OrchestrationMetadata> WaitForCustomStatusAsync(string id, Func<Samples.ProgressStatus, bool> condition)
    {
        using var cancel = new CancellationTokenSource(Patience);
        while (true)
        {
            var metadata = await Client.GetInstanceAsync(id, getInputsAndOutputs: true, cancel.Token);
            if (metadata?.SerializedCustomStatus is not null && condition(metadata.ReadCustomStatusAs<Samples.ProgressStatus>()!))
            {
                return metadata;
            }

            await Task.Delay(200, cancel.Token);
        }
    }

    private static CancellationToken CancelAfter() => new CancellationTokenSource(Patience).Token;
}
