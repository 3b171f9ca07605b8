namespace Ecf.Domain.Registrations;

/// <summary>
/// Each rule a registration can break: one value per failure, so callers map a refusal to its own stable error code rather
/// than to its message text (docs/domain.md#registration).
/// </summary>
public enum RegistrationRule
{
    TrnMissing,
    TrnFormat,
    FullNameMissing,
    FullNameTooLong,
    FullNameDisallowedCharacter,
    FullNameNoLetter,
    DateOfBirthMissing,
    DateOfBirthFormat,
    DateOfBirthInFuture,
    DateOfBirthTooYoung,
    DateOfBirthTooOld,
    EmailMissing,
    EmailTooLong,
    EmailDisallowedCharacter,
    EmailFormat,
    SchoolUrnMissing,
    SchoolUnknown,
    SchoolNotEligible,
    InductionStartDateMissing,
    InductionStartDateFormat,
    TrainingProgrammeMissing,
    TrainingProgrammeInvalid,
    LeadProviderNotForSchoolLed,
    LeadProviderUnknown,
    LeadProviderNotContracted,
    DeliveryPartnerNotForSchoolLed,
    DeliveryPartnerUnknown,
    DeliveryPartnerNeedsLeadProvider,
    DeliveryPartnerNoRelationship,
    MentorUnknown,

    /// <summary>The induction start date (ECTs) or today (mentors) falls in no contract period of the service.</summary>
    NoCohort,

    /// <summary>No lead provider given, and the school has no active partnership for the year (nor a provider to keep).</summary>
    NoDefaultPartnership,

    /// <summary>The TRN's person has another date of birth.</summary>
    DateOfBirthDiffers,

    /// <summary>A repeat at the same school gives another induction start date.</summary>
    InductionStartDateDiffers,

    /// <summary>A repeat at the same school gives another programme, lead provider, delivery partner or mentor.</summary>
    TrainingDiffers,

    /// <summary>The stored person already breaks its invariants (a conflict: nothing a request can fix).</summary>
    StoredRecordBroken,

    /// <summary>The person found for the TRN holds another TRN (a conflict: the store disagrees with itself).</summary>
    TrnDiffers,
}
