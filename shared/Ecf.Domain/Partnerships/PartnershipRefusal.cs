namespace Ecf.Domain.Partnerships;

/// <summary>Why a partnership rule refused: the rule, the request attribute it concerns and the message the caller is shown (docs/domain.md#partnerships).</summary>
public sealed record PartnershipRefusal(PartnershipRule Rule, string Attribute, string Message);
