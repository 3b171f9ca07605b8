namespace Ecf.Domain.Partnerships;

/// <summary>
/// Each rule a partnership or school cohort request can break: one value per failure, so callers map a refusal to its own
/// stable error code rather than to its message text.
/// </summary>
public enum PartnershipRule
{
    /// <summary>No partnership of the school has this id (answered as not found).</summary>
    PartnershipNotFound,

    CohortMissing,
    CohortInvalid,
    SchoolMissing,
    SchoolInvalid,
    SchoolCipOnly,
    SchoolIneligible,
    DeliveryPartnerMissing,
    DeliveryPartnerInvalid,
    DeliveryPartnerNotInRelationship,

    /// <summary>This provider already has the school's active partnership for the year.</summary>
    AlreadyExists,

    /// <summary>Another provider has the school's active partnership for the year.</summary>
    RecruitedByOtherProvider,

    /// <summary>The school had a provider last year and has not yet set this year up.</summary>
    ProgrammeNotYetConfirmed,

    /// <summary>The school has chosen a programme other than provider-led for the year.</summary>
    SchoolNotProviderLed,

    ChallengeReasonInvalid,
    AlreadyChallenged,
    ChoiceMissing,
    ChoiceInvalid,

    /// <summary>The school chooses a programme other than provider-led while a partnership of the year is active.</summary>
    ActivePartnershipBlocksChoice,
}
