using Ecf.Durable.Samples;
using Moq;

namespace Ecf.Durable.Tests.Orchestrators;

/// <summary>Orchestrator unit tests in the Durable Functions style: the context is mocked and the activity calls verified.</summary>
public sealed class HelloSequenceTests
{
    [Fact]
    public async Task RunAsync_ActivitiesSucceed_CallsSayHelloForEachCityInOrder()
    {
        // Arrange
        var context = new Mock<TaskOrchestrationContext>(MockBehavior.Loose) { CallBase = true };
        var calls = new List<string>();
        context
            .Setup(c => c.CallActivityAsync<string>(SampleNames.SayHello, It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync((TaskName _, object? city, TaskOptions? _) =>
            {
                calls.Add((string)city!);
                return $"Hello {city}!";
            });

        // Act
        var result = await new HelloSequence().RunAsync(context.Object, null);

        // Assert
        Assert.Equal(["Hello Tokyo!", "Hello Seattle!", "Hello London!"], result);
        Assert.Equal(["Tokyo", "Seattle", "London"], calls);
        context.Verify(c => c.CallActivityAsync<string>(SampleNames.SayHello, "Tokyo", null), Times.Once);
        context.Verify(c => c.CallActivityAsync<string>(SampleNames.SayHello, It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Exactly(3));
        context.Verify(c => c.SetCustomStatus(It.IsAny<object?>()), Times.Exactly(3));
    }

    [Fact]
    public async Task RunAsync_ActivityFails_PropagatesTaskFailedException()
    {
        // Arrange
        var context = new Mock<TaskOrchestrationContext> { CallBase = true };
        context
            .Setup(c => c.CallActivityAsync<string>(SampleNames.SayHello, "Seattle", It.IsAny<TaskOptions?>()))
            .ThrowsAsync(new TaskFailedException(SampleNames.SayHello, 1, new TaskFailureDetails("System.TimeoutException", "slow")));
        context
            .Setup(c => c.CallActivityAsync<string>(SampleNames.SayHello, "Tokyo", It.IsAny<TaskOptions?>()))
            .ReturnsAsync("Hello Tokyo!");

        // Act
        var error = await Assert.ThrowsAsync<TaskFailedException>(() => new HelloSequence().RunAsync(context.Object, null));

        // Assert
        Assert.Equal("slow", error.FailureDetails.ErrorMessage);
        context.Verify(c => c.CallActivityAsync<string>(SampleNames.SayHello, "London", It.IsAny<TaskOptions?>()), Times.Never);
    }
}
