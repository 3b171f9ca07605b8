namespace Ecf.Application.Tokens;

/// <summary>What may be shown about a token: never the token or its digest.</summary>
public sealed record ApiTokenSummary(
    string TokenId,
    string Role,
    Guid? LeadProviderId,
    string? LeadProviderName,
    string? Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt);
