using System.Text.Json;
using System.Text.Json.Serialization;
using Ecf.Domain.ParticipantActions;
using Ecf.Functions.Requests;

namespace Ecf.Functions.Features.ParticipantActions;

/// <summary>A v3 participant action body: <c>{"data":{"type":"participant-withdraw","attributes":{...}}}</c>.</summary>
public sealed record ParticipantActionRequestBody([property: JsonPropertyName("data")] ParticipantActionRequestData? Data);

public sealed record ParticipantActionRequestData(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("attributes")] ParticipantActionAttributes? Attributes);

/// <summary>
/// The attributes of every action (each reads its own), each as any JSON value, so a number or a boolean where text belongs
/// reaches the rules as text and gets ECF's message for that attribute, not a binding error.
/// </summary>
public sealed record ParticipantActionAttributes(
    [property: JsonPropertyName("course_identifier")] JsonElement? CourseIdentifier,
    [property: JsonPropertyName("reason")] JsonElement? Reason,
    [property: JsonPropertyName("schedule_identifier")] JsonElement? ScheduleIdentifier,
    [property: JsonPropertyName("cohort")] JsonElement? Cohort,
    [property: JsonPropertyName("attempt_to_transfer_leaving_billable_declarations")] JsonElement? AttemptToTransferLeavingBillableDeclarations)
{
    public string? Course => JsonText.Of(CourseIdentifier);

    public string? ReasonText => JsonText.Of(Reason);

    public ChangeScheduleRequest ToChangeSchedule() =>
        new(JsonText.Of(ScheduleIdentifier), JsonText.Of(CourseIdentifier), JsonText.Of(Cohort), IsTrue(AttemptToTransferLeavingBillableDeclarations));

    /// <summary>JSON <c>true</c> or the text "true".</summary>
    public static bool IsTrue(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.True } || (value is { ValueKind: JsonValueKind.String } s && string.Equals(s.GetString(), "true", StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// An admin's contract-year move: <c>contract_year</c>, <c>attempt_to_transfer_leaving_billable_declarations</c> (must be true),
/// optional <c>schedule_identifier</c> and <c>reason</c> (kept on the timeline).
/// </summary>
public sealed record ChangeContractYearBody(
    [property: JsonPropertyName("contract_year")] JsonElement? ContractYear,
    [property: JsonPropertyName("attempt_to_transfer_leaving_billable_declarations")] JsonElement? AttemptToTransferLeavingBillableDeclarations,
    [property: JsonPropertyName("schedule_identifier")] string? ScheduleIdentifier,
    [property: JsonPropertyName("reason")] string? Reason)
{
    public ContractYearMoveRequest ToRequest() =>
        new(JsonText.Of(ContractYear), ParticipantActionAttributes.IsTrue(AttemptToTransferLeavingBillableDeclarations), ScheduleIdentifier);
}
