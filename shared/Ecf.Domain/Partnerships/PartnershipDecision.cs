namespace Ecf.Domain.Partnerships;

/// <summary>The new state of the year's partnerships and the partnership concerned, or a refusal.</summary>
public sealed record PartnershipDecision(SchoolPartnerships? State, Partnership? Partnership, PartnershipRefusal? Refusal)
{
    public static PartnershipDecision Refused(PartnershipRule rule, string attribute, string message) => new(null, null, new PartnershipRefusal(rule, attribute, message));
}
