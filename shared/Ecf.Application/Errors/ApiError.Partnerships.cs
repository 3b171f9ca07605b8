using Ecf.Domain.Partnerships;
using Ecf.Domain.Text;

namespace Ecf.Application.Errors;

/// <summary>Partnerships, school cohorts and schools' uplifts: ecf.33NN for their rules, ecf.43NN for their conflicts.</summary>
public sealed partial record ApiError
{
    /// <summary>The error of a partnership rule's refusal: its own code, the refused attribute as title, the rule's message.</summary>
    public static ApiError Partnership(PartnershipRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Rule == PartnershipRule.PartnershipNotFound
            ? NotFound()
            : new(PartnershipCode(refusal.Rule), refusal.Attribute, refusal.Message, ApiErrorKind.Validation);
    }

    public static IReadOnlyList<ApiError> Partnership(IEnumerable<PartnershipRefusal> refusals) => [.. refusals.Select(Partnership)];

    /// <summary>The induction tutor's name breaks a <see cref="TextRules"/> rule: one code per problem.</summary>
    public static ApiError InductionTutorName(TextProblem problem) => new(
        problem switch
        {
            TextProblem.Missing => "ecf.3330",
            TextProblem.TooLong => "ecf.3331",
            TextProblem.DisallowedCharacter => "ecf.3334",
            _ => "ecf.3335",
        },
        "induction_tutor_name",
        TextMessages.For(problem, "induction_tutor_name", TextKind.Name),
        ApiErrorKind.Validation);

    /// <summary>The induction tutor's email breaks a <see cref="TextRules"/> rule: one code per problem.</summary>
    public static ApiError InductionTutorEmail(TextProblem problem) => new(
        problem switch
        {
            TextProblem.Missing => "ecf.3332",
            TextProblem.TooLong => "ecf.3336",
            TextProblem.DisallowedCharacter => "ecf.3337",
            _ => "ecf.3333",
        },
        "induction_tutor_email",
        TextMessages.For(problem, "induction_tutor_email", TextKind.Email),
        ApiErrorKind.Validation);

    public static ApiError UpliftsYearUnknown(int year) =>
        new("ecf.3340", "year", $"{year} is not a cohort of this service.", ApiErrorKind.Validation);

    public static ApiError UpliftsFileEmpty() =>
        new("ecf.3341", "file", "The file is empty.", ApiErrorKind.Validation);

    public static ApiError UpliftsColumnsMissing(IEnumerable<string> columns) =>
        new("ecf.3342", "file", $"The file is missing required columns: {string.Join(", ", columns)}.", ApiErrorKind.Validation);

    public static ApiError PartnershipsChanged() =>
        new("ecf.4301", "Conflict", "The school's partnerships changed while this request was decided; try again.", ApiErrorKind.Conflict);

    public static ApiError SchoolCohortChanged() =>
        new("ecf.4302", "Conflict", "The school's cohort changed while this request was decided; try again.", ApiErrorKind.Conflict);

    /// <summary>Each <see cref="PartnershipRule"/>'s code; stable, never reused.</summary>
    public static string PartnershipCode(PartnershipRule rule) => rule switch
    {
        PartnershipRule.CohortMissing => "ecf.3301",
        PartnershipRule.CohortInvalid => "ecf.3302",
        PartnershipRule.SchoolMissing => "ecf.3303",
        PartnershipRule.SchoolInvalid => "ecf.3304",
        PartnershipRule.SchoolCipOnly => "ecf.3305",
        PartnershipRule.SchoolIneligible => "ecf.3306",
        PartnershipRule.DeliveryPartnerMissing => "ecf.3307",
        PartnershipRule.DeliveryPartnerInvalid => "ecf.3308",
        PartnershipRule.DeliveryPartnerNotInRelationship => "ecf.3309",
        PartnershipRule.AlreadyExists => "ecf.3310",
        PartnershipRule.RecruitedByOtherProvider => "ecf.3311",
        PartnershipRule.ProgrammeNotYetConfirmed => "ecf.3312",
        PartnershipRule.SchoolNotProviderLed => "ecf.3313",
        PartnershipRule.ChallengeReasonInvalid => "ecf.3314",
        PartnershipRule.AlreadyChallenged => "ecf.3315",
        PartnershipRule.ChoiceMissing => "ecf.3320",
        PartnershipRule.ChoiceInvalid => "ecf.3321",
        PartnershipRule.ActivePartnershipBlocksChoice => "ecf.3322",
        PartnershipRule.PartnershipNotFound => "ecf.2001",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "A partnership rule without a code."),
    };
}
