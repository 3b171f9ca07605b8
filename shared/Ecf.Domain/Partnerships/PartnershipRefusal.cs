namespace Ecf.Domain.Partnerships;

/// <summary>Why the decider refused: the attribute it concerns and ECF's message (docs/domain.md#partnerships).</summary>
public sealed record PartnershipRefusal(string Attribute, string Message);
