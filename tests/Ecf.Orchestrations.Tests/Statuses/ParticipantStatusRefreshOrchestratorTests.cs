using Ecf.Application.People;
using Ecf.Orchestrations.Statuses;
using Microsoft.DurableTask;
using Moq;

namespace Ecf.Orchestrations.Tests.Statuses;

/// <summary>The status refresh orchestrator in the Durable Functions style: the context is mocked and the activity calls verified.</summary>
public sealed class ParticipantStatusRefreshOrchestratorTests
{
    private const string InstanceId = "refresh-1";

    [Fact]
    public async Task RunAsync_TwoPages_FollowsTheContinuationThenReturnsTheTotals()
    {
        // Arrange
        var (context, inputs) = NewContext(
            new RefreshParticipantStatusesResult(500, 3, 497, [], "page-2"),
            new RefreshParticipantStatusesResult(20, 1, 18, ["person-9: no open period"], null));

        // Act
        var output = await new ParticipantStatusRefreshOrchestrator().RunAsync(context.Object, null);

        // Assert
        Assert.Equal([new(null, 500, InstanceId), new ParticipantStatusRefreshBatchInput("page-2", 500, InstanceId)], inputs);
        Assert.Equal(new ParticipantStatusRefreshOutput(2, 520, 4, 515, 1, output.Failures), output);
        Assert.Equal(["person-9: no open period"], output.Failures);
        context.Verify(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>()), Times.Never);
        context.Verify(c => c.SetCustomStatus(new ParticipantStatusRefreshStatus("done", 2, 520, 4, 1)), Times.Once);
    }

    [Fact]
    public async Task RunAsync_MorePagesThanAGeneration_ContinuesAsNewFromTheNextPage()
    {
        // Arrange
        var (context, inputs) = NewContext(
            new RefreshParticipantStatusesResult(10, 10, 0, [], "page-2"),
            new RefreshParticipantStatusesResult(10, 10, 0, [], "page-3"));
        var continued = (object?)null;
        context.Setup(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>())).Callback<object?, bool>((input, _) => continued = input);

        // Act
        await new ParticipantStatusRefreshOrchestrator().RunAsync(context.Object, new ParticipantStatusRefreshInput(PageSize: 10, BatchesPerGeneration: 2));

        // Assert
        Assert.Equal(2, inputs.Count);
        var next = Assert.IsType<ParticipantStatusRefreshInput>(continued);
        Assert.Equal(("page-3", true, 10, 2), (next.Continuation, next.Started, next.PageSize, next.BatchesPerGeneration));
        Assert.Equal((2, 20, 20), (next.Totals.Batches, next.Totals.Read, next.Totals.Refreshed));
    }

    [Fact]
    public async Task RunAsync_PageSizeOutOfRange_FailsBeforeAnyBatch()
    {
        // Arrange
        var (context, inputs) = NewContext();

        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            new ParticipantStatusRefreshOrchestrator().RunAsync(context.Object, new ParticipantStatusRefreshInput(PageSize: 1001)));

        // Assert
        Assert.Contains("pageSize must be between 1 and 1000", error.Message, StringComparison.Ordinal);
        Assert.Empty(inputs);
    }

    /// <summary>A context whose batch activity answers with <paramref name="pages"/> in turn.</summary>
    private static (Mock<TaskOrchestrationContext> Context, List<ParticipantStatusRefreshBatchInput> Inputs) NewContext(params RefreshParticipantStatusesResult[] pages)
    {
        var inputs = new List<ParticipantStatusRefreshBatchInput>();
        var context = new Mock<TaskOrchestrationContext> { CallBase = true };
        context.SetupGet(c => c.InstanceId).Returns(InstanceId);
        context.Setup(c => c.CallActivityAsync<RefreshParticipantStatusesResult>(ActivityNames.ParticipantStatusRefreshBatch, It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((_, input, _) => inputs.Add((ParticipantStatusRefreshBatchInput)input!))
            .ReturnsAsync(() => pages[inputs.Count - 1]);
        return (context, inputs);
    }
}
