using System.Text.Json.Serialization;

namespace Ecf.Functions.LocalTokens;

/// <summary>One entry of <c>.data/local-tokens.json</c>.</summary>
public sealed record LocalToken(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("lead_provider")] string? LeadProvider,
    [property: JsonPropertyName("lead_provider_id")] Guid? LeadProviderId,
    [property: JsonPropertyName("token")] string Token);
