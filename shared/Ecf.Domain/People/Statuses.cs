namespace Ecf.Domain.People;

/// <summary>v3 <c>training_status</c> values.</summary>
public static class TrainingStatuses
{
    public const string Active = "active";
    public const string Deferred = "deferred";
    public const string Withdrawn = "withdrawn";
}

/// <summary>v3 <c>participant_status</c> values.</summary>
public static class ParticipantStatuses
{
    public const string Active = "active";
    public const string Joining = "joining";
    public const string Leaving = "leaving";
    public const string Left = "left";
    public const string Withdrawn = "withdrawn";
}

/// <summary>Funding eligibility statuses.</summary>
public static class FundingEligibilityStatuses
{
    public const string Eligible = "eligible";
    public const string Ineligible = "ineligible";
    public const string ManualCheck = "manual_check";
}

/// <summary>Training programmes as the registration API spells them.</summary>
public static class TrainingProgrammes
{
    public const string ProviderLed = "provider_led";
    public const string SchoolLed = "school_led";

    public static bool IsKnown(string? value) => value is ProviderLed or SchoolLed;
}
