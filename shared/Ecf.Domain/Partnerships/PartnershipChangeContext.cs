namespace Ecf.Domain.Partnerships;

/// <summary>Who changes a partnership, when, and the request it belongs to.</summary>
public sealed record PartnershipChangeContext(DateTimeOffset At, string ActorType, string? ActorId, string CorrelationId);
