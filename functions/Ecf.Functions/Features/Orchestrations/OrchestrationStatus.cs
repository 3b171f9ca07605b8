using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Ecf.Functions.Features.Orchestrations;

/// <summary>
/// An instance in Durable Functions' own status format: <c>name</c>, <c>instanceId</c>, <c>runtimeStatus</c>, <c>input</c>,
/// <c>customStatus</c>, <c>output</c>, <c>createdTime</c>, <c>lastUpdatedTime</c> (UTC, to the second), and
/// <c>failureDetails</c> (a neutral error type, the message, the inner failure; no stack trace, no .NET type names) when the
/// instance failed.
/// </summary>
public sealed record OrchestrationStatus(
    string Name,
    string InstanceId,
    string RuntimeStatus,
    JsonElement? Input,
    JsonElement? CustomStatus,
    JsonElement? Output,
    string CreatedTime,
    string LastUpdatedTime,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] OrchestrationFailure? FailureDetails)
{
    public static OrchestrationStatus From(OrchestrationMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
#pragma warning disable CS0618 // A backend may still report an instance between generations as ContinuedAsNew: it is running.
        var runtimeStatus = metadata.RuntimeStatus == OrchestrationRuntimeStatus.ContinuedAsNew ? OrchestrationRuntimeStatus.Running : metadata.RuntimeStatus;
#pragma warning restore CS0618
        return new OrchestrationStatus(
            metadata.Name,
            metadata.InstanceId,
            runtimeStatus.ToString(),
            Json(metadata.SerializedInput),
            Json(metadata.SerializedCustomStatus),
            // A failed instance's output is the backend's own failure text (not JSON, possibly with type names): failureDetails says it.
            runtimeStatus == OrchestrationRuntimeStatus.Failed ? null : Json(metadata.SerializedOutput),
            Time(metadata.CreatedAt),
            Time(metadata.LastUpdatedAt),
            runtimeStatus == OrchestrationRuntimeStatus.Failed ? OrchestrationFailure.Of(metadata) : null);
    }

    private static JsonElement? Json(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>
/// How an instance failed, in neutral words: <c>errorType</c> is a category (the runtime's own names such as
/// <c>ActivityDeliveriesExceeded</c> are kept; a .NET exception becomes <see cref="ActivityFailed"/>, <see cref="InvalidInput"/>,
/// ... or <see cref="Error"/>), and .NET type names in messages are replaced, so nothing internal is shown.
/// </summary>
public sealed partial record OrchestrationFailure(
    string ErrorType,
    string ErrorMessage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] OrchestrationFailure? InnerFailure)
{
    /// <summary>An activity failed after its last attempt (its own failure is the inner one).</summary>
    public const string ActivityFailed = "ActivityFailed";

    /// <summary>An input or argument was refused.</summary>
    public const string InvalidInput = "InvalidInput";

    public const string Cancelled = "Cancelled";

    public const string StorageFailed = "StorageFailed";

    /// <summary>The orchestration's code no longer matches its history.</summary>
    public const string NonDeterministic = "NonDeterministic";

    /// <summary>Any other failure.</summary>
    public const string Error = "Error";

    private static readonly Dictionary<string, string> Categories = new(StringComparer.Ordinal)
    {
        ["Microsoft.DurableTask.TaskFailedException"] = ActivityFailed,
        ["System.ArgumentException"] = InvalidInput,
        ["System.ArgumentNullException"] = InvalidInput,
        ["System.ArgumentOutOfRangeException"] = InvalidInput,
        ["System.FormatException"] = InvalidInput,
        ["System.Text.Json.JsonException"] = InvalidInput,
        ["System.OperationCanceledException"] = Cancelled,
        ["System.Threading.Tasks.TaskCanceledException"] = Cancelled,
        ["System.TimeoutException"] = Cancelled,
        ["Ecf.Storage.DocumentStoreException"] = StorageFailed,
        ["DurableTask.Core.Exceptions.NonDeterministicOrchestrationException"] = NonDeterministic,
    };

    /// <summary>
    /// A failed instance's failure. The in-memory backend keeps the failure details; the Azure Storage backend (Durable Functions'
    /// and the local host's) keeps only their message, as the instance's output ("Task 'Echo' (#0) failed with an unhandled
    /// exception: ..."), so the failure is read from that.
    /// </summary>
    public static OrchestrationFailure Of(OrchestrationMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata.FailureDetails is { } details)
        {
            return From(details);
        }

        var message = metadata.SerializedOutput is { Length: > 0 } output ? output : "The orchestration failed.";
        return new OrchestrationFailure(FailedTask().IsMatch(message) ? ActivityFailed : Error, WithoutTypeNames(message), null);
    }

    public static OrchestrationFailure From(TaskFailureDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new OrchestrationFailure(Category(details.ErrorType), WithoutTypeNames(details.ErrorMessage), details.InnerFailure is { } inner ? From(inner) : null);
    }

    /// <summary>The runtime's own names (no dot) as they are; an exception's type name as its category.</summary>
    public static string Category(string errorType) =>
        Categories.TryGetValue(errorType, out var category) ? category : errorType.Contains('.', StringComparison.Ordinal) ? Error : errorType;

    public static string WithoutTypeNames(string message) => TypeName().Replace(message, "a value of another type");

    /// <summary>
    /// A namespace-qualified type of .NET (<c>System.Nullable`1[System.Int32]</c>) or of this service (<c>Ecf.</c> and at least two
    /// more parts, so a folder such as <c>Ecf.Functions/</c> in a path is left alone), with generic arity and arguments.
    /// </summary>
    [GeneratedRegex(@"^Task '[^']+' \(#\d+\) failed")]
    private static partial Regex FailedTask();

    [GeneratedRegex(@"\b(?:(?:System|Microsoft)(?:\.[A-Za-z_][A-Za-z0-9_`]*)+|Ecf(?:\.[A-Za-z_][A-Za-z0-9_`]*){2,})(?:\[[^\s\]]*\])*")]
    private static partial Regex TypeName();
}
