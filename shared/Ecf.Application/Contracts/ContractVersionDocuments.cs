namespace Ecf.Application.Contracts;

/// <summary>
/// One version of a lead provider's contract for a contract year, in the <c>finance</c> container (partition
/// <c>/leadProviderId</c>), created once and never changed (docs/domain.md#contracts, ADR 0015). It applies to the statements of
/// its contract year from <see cref="AppliesFrom"/> on, until a later version applies; who made it, when and why are kept with it.
/// </summary>
public abstract record ContractVersionDocument
{
    /// <summary>e.g. <c>contract:ecf:&lt;lead provider&gt;:2025:2</c>; the last part is <see cref="Version"/>. Set when written, as are <see cref="Version"/>, <see cref="CreatedBy"/> and <see cref="CreatedAt"/>.</summary>
    public string Id { get; init; } = string.Empty;

    public required string LeadProviderId { get; init; }

    /// <summary>The document kind: <see cref="ContractKinds.DocumentKind"/> of <see cref="ContractKind"/>.</summary>
    public string Kind => ContractKinds.DocumentKind(ContractKind);

    /// <summary><c>ecf</c>, <c>mentor</c> or <c>npq</c>: fixed by the document's type.</summary>
    public abstract string ContractKind { get; }

    public required int ContractYear { get; init; }

    /// <summary>1 for the first version of the contract (per course for NPQ), then 2, 3...</summary>
    public int Version { get; init; }

    /// <summary>The first statement month it applies to, <c>yyyy-MM</c> (so text order is time order).</summary>
    public required string AppliesFrom { get; init; }

    /// <summary>The id of the token that created it (<c>seed</c> for the illustrative local contracts).</summary>
    public string CreatedBy { get; init; } = string.Empty;

    public DateTimeOffset CreatedAt { get; init; }

    public required string Reason { get; init; }
}

/// <summary>An ECF call-off contract version (ECT training for 2025 on; ECTs and mentors before).</summary>
public sealed record EcfContractVersion : ContractVersionDocument
{
    public override string ContractKind => ContractKinds.Ecf;

    public required int RecruitmentTarget { get; init; }

    public int? RevisedTarget { get; init; }

    public required decimal SetUpFee { get; init; }

    /// <summary>Overrides the service fee calculated from the bands when set.</summary>
    public decimal? MonthlyServiceFee { get; init; }

    /// <summary>Null (with <see cref="UpliftAmount"/>) when the contract pays no uplift fees.</summary>
    public decimal? UpliftTarget { get; init; }

    public decimal? UpliftAmount { get; init; }

    /// <summary>One to four bands, by max ascending (letters A to D); the last may be open at the top.</summary>
    public required IReadOnlyList<ContractBand> Bands { get; init; }
}

/// <param name="Letter">A to D, by max ascending.</param>
/// <param name="Max">Null for the open top band.</param>
public sealed record ContractBand(string Letter, int Min, int? Max, decimal PerParticipant, decimal OutputPaymentPercentage, decimal ServiceFeePercentage)
{
    public const decimal DefaultOutputPaymentPercentage = 60;
    public const decimal DefaultServiceFeePercentage = 40;
}

/// <summary>A mentor call-off contract version (contract years from 2025, when mentors are funded separately).</summary>
public sealed record MentorContractVersion : ContractVersionDocument
{
    public override string ContractKind => ContractKinds.Mentor;

    public const decimal DefaultPaymentPerParticipant = 1000;

    public required int RecruitmentTarget { get; init; }

    public required decimal PaymentPerParticipant { get; init; }
}

/// <summary>An NPQ contract template version of one course.</summary>
public sealed record NpqContractVersion : ContractVersionDocument
{
    public override string ContractKind => ContractKinds.Npq;

    public required string CourseIdentifier { get; init; }

    public required int RecruitmentTarget { get; init; }

    public required decimal PerParticipant { get; init; }

    public required decimal OutputPaymentPercentage { get; init; }

    public required int NumberOfPaymentPeriods { get; init; }

    public required decimal ServiceFeePercentage { get; init; }

    public required int ServiceFeeInstallments { get; init; }

    public decimal? MonthlyServiceFee { get; init; }

    public required decimal TargetedDeliveryFundingPerParticipant { get; init; }

    public required bool SpecialCourse { get; init; }
}

/// <summary>One entry of a provider's contract timeline (append-only, same partition): a version was created.</summary>
public sealed record ContractEventDocument
{
    public const string DocumentKind = "contract-event";
    public const string VersionCreated = "version_created";

    public required string Id { get; init; }

    public required string LeadProviderId { get; init; }

    public string Kind { get; init; } = DocumentKind;

    public required string Type { get; init; }

    public required string ContractKind { get; init; }

    public required int ContractYear { get; init; }

    public string? CourseIdentifier { get; init; }

    public required string VersionId { get; init; }

    public int Version { get; init; }

    public required string AppliesFrom { get; init; }

    public string CreatedBy { get; init; } = string.Empty;

    public DateTimeOffset CreatedAt { get; init; }

    public required string Reason { get; init; }
}

/// <summary>The three contract kinds and their document kinds.</summary>
public static class ContractKinds
{
    public const string Ecf = "ecf";
    public const string Mentor = "mentor";
    public const string Npq = "npq";

    public static IReadOnlyList<string> All { get; } = [Ecf, Mentor, Npq];

    public static string DocumentKind(string contractKind) => $"{contractKind}-contract-version";
}
