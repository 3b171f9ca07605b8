using System.Text.Json;
using System.Text.Json.Serialization;
using Ecf.Domain.Declarations;
using Ecf.Functions.Requests;

namespace Ecf.Functions.Features.Declarations;

/// <summary>The v3 POST body: <c>{"data":{"type":"participant-declaration","attributes":{...}}}</c>.</summary>
public sealed record DeclarationRequestBody([property: JsonPropertyName("data")] DeclarationRequestData? Data)
{
    public const string Type = "participant-declaration";
}

public sealed record DeclarationRequestData(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("attributes")] DeclarationRequestAttributes? Attributes);

/// <summary>
/// Each attribute as any JSON value, so a number or a boolean where text belongs reaches the rules as text and gets ECF's message
/// for that attribute, not a binding error.
/// </summary>
public sealed record DeclarationRequestAttributes(
    [property: JsonPropertyName("participant_id")] JsonElement? ParticipantId,
    [property: JsonPropertyName("declaration_type")] JsonElement? DeclarationType,
    [property: JsonPropertyName("declaration_date")] JsonElement? DeclarationDate,
    [property: JsonPropertyName("course_identifier")] JsonElement? CourseIdentifier,
    [property: JsonPropertyName("evidence_held")] JsonElement? EvidenceHeld)
{
    public DeclarationRequest ToRequest() =>
        new(JsonText.Of(ParticipantId), JsonText.Of(DeclarationType), JsonText.Of(DeclarationDate), JsonText.Of(CourseIdentifier), JsonText.Of(EvidenceHeld));
}

/// <summary>A single v3 declaration: <c>{"data": resource}</c>.</summary>
public sealed record DeclarationDocument([property: JsonPropertyName("data")] Application.Declarations.DeclarationResource Data);
