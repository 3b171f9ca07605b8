namespace Ecf.Application.Contracts;

/// <summary>A field as sent, by its name in the request (JSON attribute, CSV column or query parameter), read as text.</summary>
public sealed record ContractField(string Name, string? Value)
{
    /// <summary>The value trimmed; null when absent or blank.</summary>
    public string? Text => string.IsNullOrWhiteSpace(Value) ? null : Value.Trim();
}

/// <summary>What every contract version names: whose contract, which year, from which statement month and why.</summary>
/// <param name="LeadProvider">The lead provider's id, or its name (as ECF's import files name it).</param>
public sealed record ContractHeaderInput(ContractField LeadProvider, ContractField ContractYear, ContractField AppliesFrom, ContractField Reason);

public sealed record EcfContractInput(
    ContractHeaderInput Header,
    ContractField RecruitmentTarget,
    ContractField RevisedTarget,
    ContractField SetUpFee,
    ContractField MonthlyServiceFee,
    ContractField UpliftTarget,
    ContractField UpliftAmount,
    ContractField Bands,
    IReadOnlyList<ContractBandInput> BandList);

public sealed record ContractBandInput(ContractField Min, ContractField Max, ContractField PerParticipant, ContractField OutputPaymentPercentage, ContractField ServiceFeePercentage);

public sealed record MentorContractInput(ContractHeaderInput Header, ContractField RecruitmentTarget, ContractField PaymentPerParticipant);

public sealed record NpqContractInput(
    ContractHeaderInput Header,
    ContractField CourseIdentifier,
    ContractField RecruitmentTarget,
    ContractField PerParticipant,
    ContractField OutputPaymentPercentage,
    ContractField NumberOfPaymentPeriods,
    ContractField ServiceFeePercentage,
    ContractField ServiceFeeInstallments,
    ContractField MonthlyServiceFee,
    ContractField TargetedDeliveryFundingPerParticipant,
    ContractField SpecialCourse);

/// <summary>The NPQ courses a contract template can be for (NPQ's public course identifiers).</summary>
public static class NpqCourses
{
    public static IReadOnlyList<string> Identifiers { get; } =
    [
        "npq-senior-leadership",
        "npq-headship",
        "npq-executive-leadership",
        "npq-early-years-leadership",
        "npq-leading-teaching",
        "npq-leading-behaviour-culture",
        "npq-leading-teaching-development",
        "npq-leading-literacy",
        "npq-leading-primary-mathematics",
        "npq-senco",
        "npq-additional-support-offer",
        "npq-early-headship-coaching-offer",
    ];
}
