using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ecf.Durable;

namespace Ecf.Functions.Features.Orchestrations;

/// <summary>
/// An instance in Durable Functions' own status format: <c>name</c>, <c>instanceId</c>, <c>runtimeStatus</c>, <c>input</c>,
/// <c>customStatus</c>, <c>output</c>, <c>createdTime</c>, <c>lastUpdatedTime</c> (UTC, to the second), and
/// <c>failureDetails</c> (type, message, inner failure; no stack trace) when the instance failed.
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
        return new OrchestrationStatus(
            metadata.Name,
            metadata.InstanceId,
            metadata.RuntimeStatus == OrchestrationRuntimeStatus.ContinuedAsNew ? nameof(OrchestrationRuntimeStatus.Running) : metadata.RuntimeStatus.ToString(),
            Json(metadata.SerializedInput),
            Json(metadata.SerializedCustomStatus),
            Json(metadata.SerializedOutput),
            Time(metadata.CreatedAt),
            Time(metadata.LastUpdatedAt),
            metadata.RuntimeStatus == OrchestrationRuntimeStatus.Failed && metadata.FailureDetails is { } failure ? OrchestrationFailure.From(failure) : null);
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

public sealed record OrchestrationFailure(
    string ErrorType,
    string ErrorMessage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] OrchestrationFailure? InnerFailure)
{
    public static OrchestrationFailure From(TaskFailureDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new OrchestrationFailure(details.ErrorType, details.ErrorMessage, details.InnerFailure is { } inner ? From(inner) : null);
    }
}
