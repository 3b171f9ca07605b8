using Ecf.Functions.Features.Orchestrations;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Ecf.Functions.Tests.Orchestrations;

public sealed class OrchestrationFailureTests
{
    [Fact]
    public void From_ActivityFailedOnUnreadableJson_NeutralTypesAndNoTypeNamesInMessages()
    {
        const string json = "The JSON value could not be converted to System.Nullable`1[System.Int32]. Path: $.pageSize | LineNumber: 0 | BytePositionInLine: 17.";
        var details = new TaskFailureDetails(
            "Microsoft.DurableTask.TaskFailedException",
            "Task 'ParticipantStatusRefreshBatch' (#0) failed with an unhandled exception: " + json,
            "   at Ecf.Orchestrations.Statuses...",
            new TaskFailureDetails("System.Text.Json.JsonException", json, null, null, null),
            null);

        var failure = OrchestrationFailure.From(details);

        Assert.Equal((OrchestrationFailure.ActivityFailed, OrchestrationFailure.InvalidInput), (failure.ErrorType, failure.InnerFailure!.ErrorType));
        Assert.Equal(
            "The JSON value could not be converted to a value of another type. Path: $.pageSize | LineNumber: 0 | BytePositionInLine: 17.",
            failure.InnerFailure.ErrorMessage);
        Assert.DoesNotContain("System.", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Task 'Echo' (#0) failed with an unhandled exception: Echo was asked to fail (message 'ping').", OrchestrationFailure.ActivityFailed)]
    [InlineData("pageSize must be between 1 and 1000; it was 0. (Parameter 'input')", OrchestrationFailure.Error)]
    public void Of_FailedInstanceWithOnlyItsOutput_ReadsTheFailureFromTheOutput(string output, string errorType)
    {
        // The Azure Storage backend keeps no failure details: only the message, as the output.
        var metadata = new OrchestrationMetadata("Ping", "i1") { RuntimeStatus = OrchestrationRuntimeStatus.Failed, SerializedOutput = output };

        var failure = OrchestrationFailure.Of(metadata);

        Assert.Equal((errorType, output, null), (failure.ErrorType, failure.ErrorMessage, failure.InnerFailure));
        Assert.Null(OrchestrationStatus.From(metadata).Output);
    }

    [Theory]
    [InlineData("ActivityDeliveriesExceeded", "ActivityDeliveriesExceeded")]
    [InlineData("EpisodeAttemptsExceeded", "EpisodeAttemptsExceeded")]
    [InlineData("System.InvalidOperationException", OrchestrationFailure.Error)]
    [InlineData("Ecf.Orchestrations.Gias.SomethingWentWrongException", OrchestrationFailure.Error)]
    [InlineData("System.ArgumentOutOfRangeException", OrchestrationFailure.InvalidInput)]
    public void Category_RuntimeNameOrExceptionType_RuntimeNamesKeptTypesCategorised(string errorType, string expected)
    {
        Assert.Equal(expected, OrchestrationFailure.Category(errorType));
    }

    [Fact]
    public void WithoutTypeNames_PathWithAFolderNamedLikeTheProject_LeftAlone()
    {
        const string message = "'/srv/Ecf.Functions/data/gias/extract.csv' could not be read.";

        Assert.Equal(message, OrchestrationFailure.WithoutTypeNames(message));
    }
}
