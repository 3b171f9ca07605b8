using System.Globalization;
using Ecf.Domain.ReferenceData;
using Ecf.Domain.Schools;

namespace Ecf.Domain.Partnerships;

/// <summary>A lead provider's partnership confirmation as sent (the v3 <c>ecf-partnership</c> attributes).</summary>
public sealed record PartnershipRequest(string? Cohort, string? SchoolId, string? DeliveryPartnerId);

/// <summary>
/// What a partnership request is checked against, read by the caller: the contract years, the school the request's id names
/// (null when the id is malformed or unknown), the delivery partners, and the requesting provider's relationships (every year).
/// </summary>
public sealed record PartnershipRequestFacts(
    IReadOnlyCollection<int> ContractYears,
    School? School,
    IReadOnlyCollection<DeliveryPartner> DeliveryPartners,
    IReadOnlyCollection<ProviderRelationship> Relationships);

/// <summary>A partnership request whose fields name a contract year, a school that may be partnered and a delivery partner of this provider.</summary>
public sealed record ValidPartnershipRequest(int ContractYear, School School, DeliveryPartner DeliveryPartner);

/// <summary>The value when valid, or every refusal (one per attribute).</summary>
public sealed record Validated<T>(T? Value, IReadOnlyList<PartnershipRefusal> Refusals)
    where T : class
{
    public bool IsValid => Refusals.Count == 0;
}

/// <summary>
/// Pure checks of the fields of partnership and school cohort requests (ECF <c>Partnerships::Create</c> field rules): each
/// failure is a refusal on its attribute, several at once when several attributes are wrong. The rules that depend on the
/// school's partnerships of the year are <see cref="PartnershipDecider"/>'s.
/// </summary>
public static class PartnershipValidator
{
    public static Validated<ValidPartnershipRequest> ValidateCreate(PartnershipRequest request, PartnershipRequestFacts facts)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(facts);
        var refusals = new List<PartnershipRefusal>();

        int? year = null;
        if (string.IsNullOrWhiteSpace(request.Cohort))
        {
            refusals.Add(new(PartnershipRule.CohortMissing, "cohort", PartnershipMessages.Missing("cohort")));
        }
        else if (!int.TryParse(request.Cohort, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || !facts.ContractYears.Contains(parsed))
        {
            refusals.Add(new(PartnershipRule.CohortInvalid, "cohort", PartnershipMessages.Invalid("cohort")));
        }
        else
        {
            year = parsed;
        }

        var school = facts.School;
        if (string.IsNullOrWhiteSpace(request.SchoolId))
        {
            refusals.Add(new(PartnershipRule.SchoolMissing, "school_id", PartnershipMessages.Missing("school_id")));
        }
        else if (!SchoolIds.IsWellFormed(request.SchoolId)
            || school is null
            || !string.Equals(school.SchoolId, request.SchoolId, StringComparison.OrdinalIgnoreCase)
            || school.Status is SchoolStatus.Superseded or SchoolStatus.Merged)
        {
            refusals.Add(new(PartnershipRule.SchoolInvalid, "school_id", PartnershipMessages.Invalid("school_id")));
        }
        else if (school.Eligibility.CipOnly)
        {
            refusals.Add(new(PartnershipRule.SchoolCipOnly, "school_id", PartnershipMessages.CipOnly));
        }
        else if (!school.Eligibility.EligibleForFunding)
        {
            refusals.Add(new(PartnershipRule.SchoolIneligible, "school_id", PartnershipMessages.Ineligible));
        }

        var partner = ValidateDeliveryPartner(request.DeliveryPartnerId, year, facts);
        refusals.AddRange(partner.Refusals);

        return refusals.Count > 0
            ? new(null, refusals)
            : new(new ValidPartnershipRequest(year!.Value, school!, partner.Value!), []);
    }

    /// <summary>
    /// The delivery partner of a confirmation or of a change: given, known, and working with this provider in
    /// <paramref name="contractYear"/> (not checked while the year is unknown).
    /// </summary>
    public static Validated<DeliveryPartner> ValidateDeliveryPartner(string? deliveryPartnerId, int? contractYear, PartnershipRequestFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (string.IsNullOrWhiteSpace(deliveryPartnerId))
        {
            return Refused<DeliveryPartner>(PartnershipRule.DeliveryPartnerMissing, "delivery_partner_id", PartnershipMessages.Missing("delivery_partner_id"));
        }

        if (!Guid.TryParse(deliveryPartnerId, out var id) || facts.DeliveryPartners.FirstOrDefault(p => p.Id == id) is not { } partner)
        {
            return Refused<DeliveryPartner>(PartnershipRule.DeliveryPartnerInvalid, "delivery_partner_id", PartnershipMessages.Invalid("delivery_partner_id"));
        }

        if (contractYear is { } year && !facts.Relationships.Any(r => r.DeliveryPartnerId == id && r.ContractYear == year))
        {
            return Refused<DeliveryPartner>(PartnershipRule.DeliveryPartnerNotInRelationship, "delivery_partner_id", PartnershipMessages.NoRelationship);
        }

        return new(partner, []);
    }

    /// <summary>A school's induction programme choice: given and one of <see cref="InductionProgrammeChoices.Choosable"/>; returns it trimmed.</summary>
    public static Validated<string> ValidateChoice(string? choice)
    {
        var trimmed = choice?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return Refused<string>(PartnershipRule.ChoiceMissing, "induction_programme_choice", PartnershipMessages.ChoiceMissing);
        }

        return InductionProgrammeChoices.Choosable.Contains(trimmed, StringComparer.Ordinal)
            ? new(trimmed, [])
            : Refused<string>(PartnershipRule.ChoiceInvalid, "induction_programme_choice", PartnershipMessages.ChoiceInvalid);
    }

    private static Validated<T> Refused<T>(PartnershipRule rule, string attribute, string message)
        where T : class => new(null, [new PartnershipRefusal(rule, attribute, message)]);
}
