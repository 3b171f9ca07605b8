using Ecf.Domain.Registrations;

namespace Ecf.Application.Errors;

/// <summary>Registrations: ecf.32NN for their rules (3290–3299 for what a registration of a known person cannot change), ecf.42NN for their conflicts.</summary>
public sealed partial record ApiError
{
    /// <summary>The error of a registration rule's refusal: its own code, the refused attribute as title, the rule's message.</summary>
    public static ApiError Registration(RegistrationRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var kind = refusal.Rule is RegistrationRule.StoredRecordBroken or RegistrationRule.TrnDiffers ? ApiErrorKind.Conflict : ApiErrorKind.Validation;
        return new(RegistrationCode(refusal.Rule), refusal.Attribute, refusal.Message, kind);
    }

    public static IReadOnlyList<ApiError> Registration(IEnumerable<RegistrationRefusal> refusals) => [.. refusals.Select(Registration)];

    public static ApiError PersonKeptChanging() =>
        new("ecf.4203", "Conflict", "This person's record kept changing while the registration was decided; try again.", ApiErrorKind.Conflict);

    /// <summary>Each <see cref="RegistrationRule"/>'s code; stable, never reused.</summary>
    public static string RegistrationCode(RegistrationRule rule) => rule switch
    {
        RegistrationRule.TrnMissing => "ecf.3201",
        RegistrationRule.TrnFormat => "ecf.3202",
        RegistrationRule.FullNameMissing => "ecf.3203",
        RegistrationRule.FullNameTooLong => "ecf.3204",
        RegistrationRule.FullNameDisallowedCharacter => "ecf.3205",
        RegistrationRule.FullNameNoLetter => "ecf.3206",
        RegistrationRule.DateOfBirthMissing => "ecf.3207",
        RegistrationRule.DateOfBirthFormat => "ecf.3208",
        RegistrationRule.DateOfBirthInFuture => "ecf.3209",
        RegistrationRule.DateOfBirthTooYoung => "ecf.3210",
        RegistrationRule.DateOfBirthTooOld => "ecf.3211",
        RegistrationRule.EmailMissing => "ecf.3212",
        RegistrationRule.EmailTooLong => "ecf.3213",
        RegistrationRule.EmailDisallowedCharacter => "ecf.3214",
        RegistrationRule.EmailFormat => "ecf.3215",
        RegistrationRule.SchoolUrnMissing => "ecf.3216",
        RegistrationRule.SchoolUnknown => "ecf.3217",
        RegistrationRule.SchoolNotEligible => "ecf.3218",
        RegistrationRule.InductionStartDateMissing => "ecf.3219",
        RegistrationRule.InductionStartDateFormat => "ecf.3220",
        RegistrationRule.TrainingProgrammeMissing => "ecf.3221",
        RegistrationRule.TrainingProgrammeInvalid => "ecf.3222",
        RegistrationRule.LeadProviderNotForSchoolLed => "ecf.3223",
        RegistrationRule.LeadProviderUnknown => "ecf.3224",
        RegistrationRule.LeadProviderNotContracted => "ecf.3225",
        RegistrationRule.DeliveryPartnerNotForSchoolLed => "ecf.3226",
        RegistrationRule.DeliveryPartnerUnknown => "ecf.3227",
        RegistrationRule.DeliveryPartnerNeedsLeadProvider => "ecf.3228",
        RegistrationRule.DeliveryPartnerNoRelationship => "ecf.3229",
        RegistrationRule.MentorUnknown => "ecf.3230",
        RegistrationRule.NoCohort => "ecf.3231",
        RegistrationRule.NoDefaultPartnership => "ecf.3232",
        RegistrationRule.DateOfBirthDiffers => "ecf.3290",
        RegistrationRule.InductionStartDateDiffers => "ecf.3291",
        RegistrationRule.TrainingDiffers => "ecf.3292",
        RegistrationRule.StoredRecordBroken => "ecf.4201",
        RegistrationRule.TrnDiffers => "ecf.4202",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "A registration rule without a code."),
    };
}
