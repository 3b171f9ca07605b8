namespace Ecf.Domain.Finance;

/// <summary>
/// The version of a lead provider's ECF call-off contract a statement points at (ECF's <c>call_off_contracts</c> with its
/// <c>participant_bands</c>). <see cref="MonthlyServiceFee"/>, when set, replaces the calculated service fee;
/// <see cref="UpliftAmount"/> null means the contract pays no uplift fees.
/// </summary>
public sealed record EcfContract(
    string Version,
    int RecruitmentTarget,
    int? RevisedTarget,
    decimal SetUpFee,
    decimal? MonthlyServiceFee,
    int? UpliftTarget,
    decimal? UpliftAmount,
    IReadOnlyList<ParticipantBand> Bands)
{
    public const int MaxBands = 4;

    private static readonly string[] Letters = ["A", "B", "C", "D"];

    /// <summary>The bands lettered A to D by max ascending (an open top band last), as ECF orders them.</summary>
    public IReadOnlyList<LetteredBand> LetteredBands()
    {
        if (Bands is null || Bands.Count is 0 or > MaxBands)
        {
            throw new InvalidOperationException($"An ECF contract has one to {MaxBands} bands; version {Version} has {Bands?.Count ?? 0}.");
        }

        if (Bands.Count(b => b.Max is null) > 1)
        {
            throw new InvalidOperationException($"Only the top band of an ECF contract may be open; version {Version} has more.");
        }

        return [.. Bands.OrderBy(b => b.Max ?? int.MaxValue).Select((band, i) => new LetteredBand(Letters[i], band))];
    }
}

/// <summary>The mentor call-off contract version of a 2025+ statement (ECF's <c>mentor_call_off_contracts</c>).</summary>
public sealed record MentorContract(string Version, int RecruitmentTarget, decimal PaymentPerParticipant = 1000m);

/// <summary>
/// NPQ's <c>ContractTemplate</c>: what one course pays a lead provider on a statement. <see cref="SpecialCourse"/> contracts
/// are shown apart and not added to the statement total.
/// </summary>
public sealed record NpqContractTemplate(
    string Version,
    int RecruitmentTarget,
    decimal PerParticipant,
    decimal OutputPaymentPercentage,
    int NumberOfPaymentPeriods,
    decimal ServiceFeePercentage,
    int ServiceFeeInstalments,
    decimal? MonthlyServiceFee,
    decimal TargetedDeliveryFundingPerParticipant,
    bool SpecialCourse = false);
