namespace Ecf.Application.Tokens;

/// <summary>Who a verified token speaks for.</summary>
public sealed record VerifiedApiToken(string TokenId, string Role, Guid? LeadProviderId, string? LeadProviderName);
