using Ecf.Orchestrations.Diagnostics;
using Microsoft.DurableTask;
using Moq;

namespace Ecf.Orchestrations.Tests.Diagnostics;

/// <summary>Orchestrator unit tests in the Durable Functions style: the context is mocked and the activity calls verified.</summary>
public sealed class PingOrchestratorTests
{
    private static readonly DateTime Now = new(2025, 3, 1, 6, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task RunAsync_NoInput_EchoesPingOnceAndReturnsReply()
    {
        // Arrange
        var context = NewContext();
        context
            .Setup(c => c.CallActivityAsync<string>(ActivityNames.Echo, It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync("pong: ping");

        // Act
        var output = await new PingOrchestrator().RunAsync(context.Object, null);

        // Assert
        Assert.Equal(new PingOutput("pong: ping", "ping-1"), output);
        context.Verify(c => c.CallActivityAsync<string>(ActivityNames.Echo, new EchoInput("ping", false), null), Times.Once);
        context.Verify(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Never);
        context.Verify(c => c.SetCustomStatus(new PingProgress("done")), Times.Once);
    }

    [Fact]
    public async Task RunAsync_DelayAndFail_WaitsOnTimerThenPassesFailToActivity()
    {
        // Arrange
        var context = NewContext();
        var steps = new List<string>();
        context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Callback(() => steps.Add("timer"))
            .Returns(Task.CompletedTask);
        context
            .Setup(c => c.CallActivityAsync<string>(ActivityNames.Echo, It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback(() => steps.Add("echo"))
            .ThrowsAsync(new TaskFailedException(ActivityNames.Echo, 1, new TaskFailureDetails(typeof(InvalidOperationException).FullName!, "asked to fail", null, null, null)));

        // Act
        var error = await Assert.ThrowsAsync<TaskFailedException>(() => new PingOrchestrator().RunAsync(context.Object, new PingInput("hi", Fail: true, DelaySeconds: 90)));

        // Assert
        Assert.Equal("asked to fail", error.FailureDetails.ErrorMessage);
        Assert.Equal(["timer", "echo"], steps);
        context.Verify(c => c.CreateTimer(Now.AddSeconds(90), CancellationToken.None), Times.Once);
        context.Verify(c => c.CallActivityAsync<string>(ActivityNames.Echo, new EchoInput("hi", true), null), Times.Once);
    }

    [Fact]
    public async Task RunAsync_DelayLongerThanADay_WaitsOneDayAtMost()
    {
        // Arrange
        var context = NewContext();
        context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        context.Setup(c => c.CallActivityAsync<string>(ActivityNames.Echo, It.IsAny<object?>(), It.IsAny<TaskOptions?>())).ReturnsAsync("pong: ping");

        // Act
        await new PingOrchestrator().RunAsync(context.Object, new PingInput(DelaySeconds: int.MaxValue));

        // Assert
        context.Verify(c => c.CreateTimer(Now.AddDays(1), CancellationToken.None), Times.Once);
    }

    private static Mock<TaskOrchestrationContext> NewContext()
    {
        var context = new Mock<TaskOrchestrationContext> { CallBase = true };
        context.SetupGet(c => c.InstanceId).Returns("ping-1");
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        return context;
    }
}
