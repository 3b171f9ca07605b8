using Ecf.Durable.Samples;
using Moq;

namespace Ecf.Durable.Tests.Orchestrators;

public sealed class FanOutFanInTests
{
    [Fact]
    public async Task RunAsync_TenItems_CallsSquareOncePerItemAndSums()
    {
        // Arrange
        var context = new Mock<TaskOrchestrationContext>();
        context
            .Setup(c => c.CallActivityAsync<long>(SampleNames.Square, It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync((TaskName _, object? value, TaskOptions? _) => (long)(int)value! * (int)value!);

        // Act
        var sum = await new FanOutFanIn().RunAsync(context.Object, 10);

        // Assert
        Assert.Equal(385, sum);
        for (var i = 1; i <= 10; i++)
        {
            var item = i;
            context.Verify(c => c.CallActivityAsync<long>(SampleNames.Square, item, null), Times.Once);
        }

        context.Verify(c => c.CallActivityAsync<long>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Exactly(10));
    }

    [Fact]
    public async Task FanOutTree_RunAsync_StartsOneSubOrchestrationPerBatchWithStableIds()
    {
        // Arrange
        var context = new Mock<TaskOrchestrationContext>();
        context.SetupGet(c => c.InstanceId).Returns("root");
        context
            .Setup(c => c.CallSubOrchestratorAsync<long>(SampleNames.FanOutBatch, It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync((TaskName _, object? input, TaskOptions? _) => ((BatchInput)input!).Count);

        // Act
        var result = await new FanOutTree().RunAsync(context.Object, new FanOutInput(2_500, 1_000));

        // Assert
        Assert.Equal(2_500, result);
        context.Verify(c => c.CallSubOrchestratorAsync<long>(SampleNames.FanOutBatch, new BatchInput(1, 1_000), It.Is<TaskOptions?>(o => ((SubOrchestrationOptions)o!).InstanceId == "root:batch:1")), Times.Once);
        context.Verify(c => c.CallSubOrchestratorAsync<long>(SampleNames.FanOutBatch, new BatchInput(2_001, 500), It.Is<TaskOptions?>(o => ((SubOrchestrationOptions)o!).InstanceId == "root:batch:2001")), Times.Once);
        context.Verify(c => c.CallSubOrchestratorAsync<long>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Exactly(3));
    }
}
