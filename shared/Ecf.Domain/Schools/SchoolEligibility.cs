namespace Ecf.Domain.Schools;

/// <summary>
/// What follows from a school's GIAS facts (docs/domain.md#gias): open, in England, eligible for funded training, CIP-only.
/// </summary>
public sealed record SchoolEligibility(bool Open, bool InEngland, bool EligibleForFunding, bool CipOnly)
{
    /// <summary>
    /// Open = status 1 or 3. England = <c>DistrictAdministrative (code)</c> starts with E (or is 9999) and the type is not
    /// one of the overseas / Welsh / service children's types. Eligible = open ∧ England ∧ (eligible type ∨ section 41 approved).
    /// CIP-only = a CIP-only type (independent, Welsh, British schools overseas) that is not eligible through section 41.
    /// </summary>
    public static SchoolEligibility From(GiasFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var open = GiasEstablishmentStatus.IsOpen(facts.StatusCode);
        var district = facts.DistrictAdministrativeCode?.Trim() ?? string.Empty;
        var englishDistrict = district.StartsWith('E') || district == "9999";
        var inEngland = englishDistrict && !OutsideEnglandTypes.Contains(facts.TypeCode);
        var eligible = open && inEngland && (GiasEstablishmentTypes.IsEligibleType(facts.TypeCode) || facts.Section41Approved);
        var cipOnly = GiasEstablishmentTypes.IsCipOnlyType(facts.TypeCode) && !eligible;
        return new SchoolEligibility(open, inEngland, eligible, cipOnly);
    }

    /// <summary>Types that are never in England whatever the district: offshore, service children's, Welsh, British schools overseas.</summary>
    private static readonly HashSet<string> OutsideEnglandTypes = new(StringComparer.Ordinal) { "25", "26", "30", "37" };
}
