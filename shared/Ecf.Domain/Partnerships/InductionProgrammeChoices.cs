namespace Ecf.Domain.Partnerships;

/// <summary>The v3 <c>induction_programme_choice</c> values a school can choose (<c>not_yet_known</c> is only ever derived).</summary>
public static class InductionProgrammeChoices
{
    public const string ProviderLed = "provider_led";
    public const string SchoolLed = "school_led";
    public const string NoEarlyCareerTeachers = "no_early_career_teachers";
    public const string NotYetKnown = "not_yet_known";

    public static IReadOnlyList<string> Choosable { get; } = [ProviderLed, SchoolLed, NoEarlyCareerTeachers];
}
