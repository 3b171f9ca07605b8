using System.Text.Json.Serialization;

namespace Ecf.Application.ProviderViews;

/// <summary>v3 <c>unfunded-mentor</c> resource (docs/domain.md#v3-api).</summary>
public sealed record UnfundedMentorResource(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("attributes")] UnfundedMentorAttributes Attributes);

public sealed record UnfundedMentorAttributes(
    [property: JsonPropertyName("full_name")] string FullName,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("teacher_reference_number")] string? TeacherReferenceNumber,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt);
