using Ecf.Application.Gias;
using Ecf.Orchestrations.Gias;
using Microsoft.DurableTask;
using Moq;

namespace Ecf.Orchestrations.Tests.Gias;

/// <summary>The GIAS import orchestrator in the Durable Functions style: the context is mocked and the activity calls verified.</summary>
public sealed class GiasImportOrchestratorTests
{
    private const string InstanceId = "gias-1";
    private static readonly DateTime Now = new(2025, 3, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTimeOffset RunAt = new(Now);

    private static readonly GiasImportPlan Plan = new("gias/2025-03-01/edubasealldata-abc.csv", "gias/2025-03-01/links-def.csv", 9,
        [new GiasBatchRange(100, 2, 2), new GiasBatchRange(200, 4, 2), new GiasBatchRange(300, 6, 2), new GiasBatchRange(400, 8, 2), new GiasBatchRange(500, 10, 1)],
        BatchesPerGeneration: 2);

    [Fact]
    public async Task RunAsync_FirstGeneration_PreparesThenOneBatchActivityPerBatchByIdThenContinuesAsNew()
    {
        // Arrange
        var (context, calls) = NewContext(new GiasPrepareResult(Plan, null));
        var continued = (object?)null;
        context.Setup(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>())).Callback<object?, bool>((input, _) => continued = input);

        // Act
        await new GiasImportOrchestrator().RunAsync(context.Object, new GiasImportInput("extract.csv", "links.csv"));

        // Assert: prepare, then the generation's two batches (file name and range, never rows), then ContinueAsNew at batch 2.
        Assert.Equal([ActivityNames.GiasPrepareImport, ActivityNames.GiasImportBatch, ActivityNames.GiasImportBatch], calls.Select(c => c.Name));
        Assert.Equal(new GiasPrepareInput("extract.csv", "links.csv", new DateOnly(2025, 3, 1)), calls[0].Input);
        Assert.Equal(new GiasBatchInput(Plan.ExtractFile, Plan.Batches[0], InstanceId, RunAt), calls[1].Input);
        Assert.Equal(new GiasBatchInput(Plan.ExtractFile, Plan.Batches[1], InstanceId, RunAt), calls[2].Input);
        var next = Assert.IsType<GiasImportInput>(continued);
        Assert.Equal((Plan, 2, RunAt), (next.Plan, next.NextBatch, next.RunAt));
        Assert.Equal((4, 4, 4), (next.Totals.Read, next.Totals.Created, next.Totals.Written));
        Assert.Equal(("extract.csv", "links.csv"), (next.Extract, next.Links));
        context.Verify(c => c.SetCustomStatus(new GiasImportStatus("importing", 9, 4, 4, 0, 2, 5)), Times.AtLeastOnce);
    }

    [Fact]
    public async Task RunAsync_LastGeneration_RunsTheRemainingBatchThenLinksAndReturnsTheTotals()
    {
        // Arrange: two generations done (8 rows), batch 4 left.
        var (context, calls) = NewContext(new GiasPrepareResult(Plan, null));
        var earlier = new GiasImportTotals().Add(Batch(8)).Add(new GiasBatchResult(1, 0, 0, 0, 0, 1, [new GiasRejectedRow(9, "x", "bad")]));
        var input = new GiasImportInput("extract.csv", "links.csv") { Plan = Plan, NextBatch = 4, RunAt = RunAt.AddMinutes(-10), Totals = earlier };

        // Act
        var output = await new GiasImportOrchestrator().RunAsync(context.Object, input);

        // Assert
        Assert.Equal([ActivityNames.GiasImportBatch, ActivityNames.GiasApplyLinks], calls.Select(c => c.Name));
        Assert.Equal(new GiasBatchInput(Plan.ExtractFile, Plan.Batches[4], InstanceId, RunAt.AddMinutes(-10)), calls[0].Input);
        Assert.Equal(new GiasLinksInput(Plan.LinksFile, InstanceId, RunAt.AddMinutes(-10)), calls[1].Input);
        Assert.Equal((9, 10, 9, 1, 11), (output.Rows, output.Read, output.Created, output.RejectedCount, output.Written));
        Assert.Equal(Plan.ExtractFile, output.ExtractFile);
        Assert.Equal(2, output.Links.Academised);
        context.Verify(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>()), Times.Never);
        context.Verify(c => c.SetCustomStatus(new GiasImportStatus("done", 9, 10, 9, 1, 5, 5)), Times.Once);
    }

    [Fact]
    public async Task RunAsync_PreparationFails_FailsTheRunBeforeAnyBatch()
    {
        // Arrange
        var (context, calls) = NewContext(new GiasPrepareResult(null, "Missing columns: EstablishmentName."));

        // Act
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new GiasImportOrchestrator().RunAsync(context.Object, null));

        // Assert
        Assert.Equal("Missing columns: EstablishmentName.", error.Message);
        Assert.Equal([ActivityNames.GiasPrepareImport], calls.Select(c => c.Name));
        context.Verify(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>()), Times.Never);
    }

    private static GiasBatchResult Batch(int rows) => new(rows, rows, 0, 0, rows, 0, []);

    /// <summary>A context whose activities answer: prepare with <paramref name="prepared"/>, each batch with its rows created, links with two academised.</summary>
    private static (Mock<TaskOrchestrationContext> Context, List<(string Name, object? Input)> Calls) NewContext(GiasPrepareResult prepared)
    {
        var calls = new List<(string Name, object? Input)>();
        var context = new Mock<TaskOrchestrationContext> { CallBase = true };
        context.SetupGet(c => c.InstanceId).Returns(InstanceId);
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        context.Setup(c => c.CallActivityAsync<GiasPrepareResult>(ActivityNames.GiasPrepareImport, It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((name, input, _) => calls.Add((name.Name, input)))
            .ReturnsAsync(prepared);
        context.Setup(c => c.CallActivityAsync<GiasBatchResult>(ActivityNames.GiasImportBatch, It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((name, input, _) => calls.Add((name.Name, input)))
            .ReturnsAsync((TaskName _, object? input, TaskOptions? _) => Batch(((GiasBatchInput)input!).Batch.Rows));
        context.Setup(c => c.CallActivityAsync<GiasLinksResult>(ActivityNames.GiasApplyLinks, It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((name, input, _) => calls.Add((name.Name, input)))
            .ReturnsAsync(new GiasLinksResult(2, 2, 0, 0, 0, 0, 2, []));
        return (context, calls);
    }
}
