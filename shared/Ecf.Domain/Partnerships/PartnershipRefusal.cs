namespace Ecf.Domain.Partnerships;

/// <summary>Why the decider refused: the attribute it concerns and ECF's message (DOMAIN-FACTS §1.6).</summary>
public sealed record PartnershipRefusal(string Attribute, string Message);
