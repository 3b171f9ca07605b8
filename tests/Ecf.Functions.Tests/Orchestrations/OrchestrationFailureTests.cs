using Ecf.Functions.Features.Orchestrations;
using Microsoft.DurableTask;

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
