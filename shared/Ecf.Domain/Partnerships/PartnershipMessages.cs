namespace Ecf.Domain.Partnerships;

/// <summary>
/// The messages of the partnership rules: the lead provider ones are ECF's (ECF Lead Provider API v3, partnership
/// confirmations and their error schemas), the school cohort ones this service's own.
/// </summary>
public static class PartnershipMessages
{
    public const string NoRelationship = "The delivery partner that has been specified is not recognised to be working in partnership with you for the given cohort. Contact the DfE for more information.";
    public const string CipOnly = "The school you have entered has not registered to deliver training using a DfE-funded training provider.";
    public const string Ineligible = "The school you have entered is currently ineligible for DfE funding.";
    public const string AlreadyExists = "You are already confirmed to be in partnership with the school for the entered cohort.";
    public const string RecruitedByOther = "Another provider is already confirmed to be in partnership with the school for the entered cohort. Contact the school for more information.";
    public const string ProgrammeNotYetConfirmed = "The school you have entered has not yet confirmed they will deliver DfE-funded training. Contact the school for more information.";

    /// <summary>The v3 <c>SchoolFundingError</c>: the school chose a programme other than provider-led for the cohort.</summary>
    public const string SchoolNotProviderLed = "The school you have entered has not registered to deliver DfE-funded training. Contact the school for more information.";

    public const string ActivePartnershipBlocksChoice = "The school has an active partnership for this cohort. The partnership must be challenged before the school chooses another induction programme.";
    public const string NotFound = "Nothing could be found for the provided details";
    public const string AlreadyChallenged = "The partnership is already challenged.";
    public const string ChoiceMissing = "Enter the induction programme choice.";

    public static string ChallengeReason { get; } = $"The reason must be one of: {string.Join(", ", PartnershipStatuses.ChallengeReasons)}.";

    public static string ChoiceInvalid { get; } = $"The induction programme choice must be one of: {string.Join(", ", InductionProgrammeChoices.Choosable)}.";

    public static string Missing(string attribute) => $"The attribute '#/{attribute}' must be included as part of partnership confirmations.";

    public static string Invalid(string attribute) => attribute == "school_id"
        ? "The '#/school_id' you have entered is invalid. Enter a valid '#/school_id' value in the request body for partnership confirmations. Contact the DfE for support if you are unable to find the '#/school_id'."
        : $"The '#/{attribute}' you have entered is invalid. Enter a valid '#/{attribute}' attribute in the request body for partnership confirmations.";
}
