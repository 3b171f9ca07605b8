namespace Ecf.Domain.Partnerships;

/// <summary>One timeline entry of a school's partnerships: what (past tense), which partnership (empty for the school's cohort setup), when, who, why, the request, what changed.</summary>
public sealed record PartnershipEvent(
    string Type,
    string PartnershipId,
    DateTimeOffset OccurredAt,
    string ActorType,
    string? ActorId,
    string CorrelationId,
    string? Reason,
    IReadOnlyDictionary<string, string?> Changes);
