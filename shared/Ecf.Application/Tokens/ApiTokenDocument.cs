namespace Ecf.Application.Tokens;

/// <summary>
/// A stored API token: never the token itself, only its HMAC-SHA256 digest (hex). Lives in the <c>reference</c>
/// container, partition <c>kind = "api-token"</c>, id <c>api-token:&lt;digest&gt;</c>, so verifying a token is one point read.
/// </summary>
public sealed record ApiTokenDocument
{
    public const string PartitionKind = "api-token";

    public required string Id { get; init; }

    public string Kind { get; init; } = PartitionKind;

    /// <summary>A public handle for listings and logs (a GUID); unrelated to the digest.</summary>
    public required string TokenId { get; init; }

    public required string Digest { get; init; }

    public required string Role { get; init; }

    public Guid? LeadProviderId { get; init; }

    public string? LeadProviderName { get; init; }

    public string? Description { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; init; }

    public static string IdFor(string digestHex) => $"{PartitionKind}:{digestHex}";

    public ApiTokenSummary ToSummary() => new(TokenId, Role, LeadProviderId, LeadProviderName, Description, CreatedAt, LastUsedAt);
}
