namespace Ecf.Domain.Schools;

/// <summary>GIAS <c>TypeOfEstablishment (code)</c> groups that matter for funding (docs/domain.md#gias, ECF <c>gias_types.rb</c>).</summary>
public static class GiasEstablishmentTypes
{
    public const string OtherIndependentSpecial = "10";
    public const string OtherIndependent = "11";
    public const string WelshEstablishment = "30";
    public const string BritishSchoolsOverseas = "37";

    /// <summary>Types whose teachers are not eligible for funded training.</summary>
    public static IReadOnlySet<string> NotEligible { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "10", "11", "24", "25", "26", "27", "29", "30", "37", "49", "56",
    };

    /// <summary>Types that may only use the core induction programme (CIP).</summary>
    public static IReadOnlySet<string> CipOnly { get; } = new HashSet<string>(StringComparer.Ordinal) { "10", "11", "30", "37" };

    /// <summary>Independent schools: eligible with section 41 approval.</summary>
    public static IReadOnlySet<string> Independent { get; } = new HashSet<string>(StringComparer.Ordinal) { "10", "11" };

    public static bool IsEligibleType(string typeCode) => !NotEligible.Contains(typeCode);

    public static bool IsCipOnlyType(string typeCode) => CipOnly.Contains(typeCode);
}
