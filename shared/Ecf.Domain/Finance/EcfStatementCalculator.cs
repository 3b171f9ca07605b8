using Ecf.Domain.Declarations;
using Ecf.Domain.ReferenceData;

namespace Ecf.Domain.Finance;

/// <summary>What an ECF statement is calculated from.</summary>
/// <param name="Lines">This statement's lines; those outside the calculator's scope (<see cref="EcfStatementCalculator.Counts"/>) are ignored.</param>
/// <param name="Previous">Per declaration type, the in-scope line counts of the earlier statements of the same provider and contract year.</param>
/// <param name="VatRegistered">The lead provider is VAT-registered (ECF's <c>vat_chargeable</c>).</param>
public sealed record EcfStatementInput(
    int ContractYear,
    EcfContract Contract,
    IReadOnlyList<StatementLine> Lines,
    IReadOnlyDictionary<string, PreviousCounts> Previous,
    IReadOnlyList<StatementAdjustment> Adjustments,
    decimal ReconcileAmount,
    bool VatRegistered);

/// <summary>One band of one declaration type: the banding and what it pays and claws back.</summary>
public sealed record EcfBandAmounts(
    string Band, int PreviousCount, int Additions, int Subtractions, decimal FeePerDeclaration, decimal OutputAmount, decimal ClawbackAmount);

public sealed record EcfDeclarationTypeAmounts(
    string DeclarationType,
    PreviousCounts Previous,
    int Billable,
    int Refundable,
    IReadOnlyList<EcfBandAmounts> Bands,
    decimal OutputAmount,
    decimal ClawbackAmount);

/// <summary>One band's part of the calculated monthly service fee.</summary>
/// <param name="Participants">Participants of the recruitment target that fall in the band.</param>
/// <param name="PerParticipant">Service share per participant less the set-up cost per participant (band A only).</param>
public sealed record EcfServiceFeeBand(string Band, int Participants, decimal SetUpCostPerParticipant, decimal PerParticipant, decimal Amount);

/// <summary>An ECF (or 2025+ ECT) statement's full breakdown. Amounts are unrounded (<see cref="Money.ToPence"/> to show).</summary>
/// <param name="ServiceFeeBands">Empty when the contract's monthly service fee was used.</param>
/// <param name="Subtotal">Service fee + output fee − clawbacks + uplift + adjustments + reconcile amount.</param>
/// <param name="Total">Subtotal + VAT.</param>
public sealed record EcfStatementResult(
    string ContractVersion,
    IReadOnlyList<EcfDeclarationTypeAmounts> DeclarationTypes,
    decimal ServiceFee,
    IReadOnlyList<EcfServiceFeeBand> ServiceFeeBands,
    decimal OutputFee,
    decimal Clawbacks,
    int UpliftAdditions,
    int UpliftSubtractions,
    decimal UpliftPerParticipant,
    decimal Uplift,
    IReadOnlyList<StatementAdjustment> Adjustments,
    decimal AdjustmentsTotal,
    decimal ReconcileAmount,
    decimal Subtotal,
    decimal Vat,
    decimal Total);

/// <summary>
/// ECF's banded statement calculation (ECF's <c>Finance::ECF::StatementCalculator</c>, <c>BandingCalculator</c> and
/// <c>UpliftCalculator</c>; docs/domain.md#statement-calculations). Up to the 2024 contract year it counts ECT and mentor
/// lines together; from 2025 ECT lines only, mentors being paid by <see cref="MentorStatementCalculator"/>.
/// </summary>
public static class EcfStatementCalculator
{
    /// <summary>The last contract year whose statements pay ECTs and mentors in one banded calculation.</summary>
    public const int LastCombinedContractYear = 2024;

    /// <summary>The months the calculated service fee is spread over.</summary>
    public const decimal ServiceFeeMonths = 29m;

    public const decimal VatRate = 0.2m;

    /// <summary>ECF's <c>DECLARATION_TYPE_FEE_PROPORTIONS</c>: the share of a band's output payment each milestone pays.</summary>
    public static IReadOnlyDictionary<string, decimal> FeeProportions { get; } = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        [DeclarationType.Started] = 0.2m,
        [DeclarationType.Retained1] = 0.15m,
        [DeclarationType.Retained2] = 0.15m,
        [DeclarationType.Retained3] = 0.15m,
        [DeclarationType.Retained4] = 0.15m,
        [DeclarationType.Completed] = 0.2m,
        [DeclarationType.Extended1] = 0.15m,
        [DeclarationType.Extended2] = 0.15m,
        [DeclarationType.Extended3] = 0.15m,
    };

    /// <summary>Whether the banded calculation of a <paramref name="contractYear"/> statement counts the line.</summary>
    public static bool Counts(StatementLine line, int contractYear)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.CourseIdentifier == CourseIdentifiers.EcfInduction
            || (line.CourseIdentifier == CourseIdentifiers.EcfMentor && contractYear <= LastCombinedContractYear);
    }

    public static EcfStatementResult Calculate(EcfStatementInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var bands = input.Contract.LetteredBands();
        var lines = input.Lines.Where(l => Counts(l, input.ContractYear)).ToList();

        var types = DeclarationType.EcfExtended.Select(type =>
        {
            var previous = input.Previous.GetValueOrDefault(type) ?? PreviousCounts.None;
            var billable = lines.Count(l => l.DeclarationType == type && l.IsBillable);
            var refundable = lines.Count(l => l.DeclarationType == type && l.IsRefundable);
            var fills = BandingCalculator.Calculate(bands, previous.Fill, billable, refundable);
            var amounts = fills.Select((fill, i) =>
            {
                var fee = FeeProportions[type] * bands[i].Band.OutputPaymentPerParticipant;
                return new EcfBandAmounts(fill.Band, fill.PreviousCount, fill.Additions, fill.Subtractions, fee, fill.Additions * fee, fill.Subtractions * fee);
            }).ToList();
            return new EcfDeclarationTypeAmounts(
                type, previous, billable, refundable, amounts, amounts.Sum(a => a.OutputAmount), amounts.Sum(a => a.ClawbackAmount));
        }).ToList();

        var serviceFeeBands = input.Contract.MonthlyServiceFee is null ? ServiceFeeBands(input.Contract, bands) : [];
        var serviceFee = input.Contract.MonthlyServiceFee ?? serviceFeeBands.Sum(b => b.Amount);

        var upliftAdditions = lines.Count(l => l.DeclarationType == DeclarationType.Started && l.HasUplift && l.IsBillable);
        var upliftSubtractions = lines.Count(l => l.DeclarationType == DeclarationType.Started && l.HasUplift && l.IsRefundable);
        var upliftPerParticipant = input.Contract.UpliftAmount ?? 0m;
        var uplift = (upliftAdditions - upliftSubtractions) * upliftPerParticipant;

        var outputFee = types.Sum(t => t.OutputAmount);
        var clawbacks = types.Sum(t => t.ClawbackAmount);
        var adjustmentsTotal = input.Adjustments.Sum(a => a.Amount);
        var subtotal = serviceFee + outputFee - clawbacks + uplift + adjustmentsTotal + input.ReconcileAmount;
        var vat = input.VatRegistered ? subtotal * VatRate : 0m;

        return new EcfStatementResult(
            input.Contract.Version, types, serviceFee, serviceFeeBands, outputFee, clawbacks,
            upliftAdditions, upliftSubtractions, upliftPerParticipant, uplift,
            input.Adjustments, adjustmentsTotal, input.ReconcileAmount, subtotal, vat, subtotal + vat);
    }

    /// <summary>
    /// The calculated monthly service fee, band by band: the recruitment target's participants in the band × (service share
    /// per participant − set-up cost per participant) / 29, the set-up cost (set-up fee / band max) falling on the band
    /// that starts at the bottom.
    /// </summary>
    private static List<EcfServiceFeeBand> ServiceFeeBands(EcfContract contract, IReadOnlyList<LetteredBand> bands) =>
        [.. bands.Select(lettered =>
        {
            var band = lettered.Band;
            var participants = band.ParticipantsIn(contract.RecruitmentTarget);
            var setUp = band.Lower == 0 && band.Max is { } max && max > 0 ? contract.SetUpFee / max : 0m;
            var perParticipant = (band.PerParticipant * band.ServiceFeePercentage / 100m) - setUp;
            return new EcfServiceFeeBand(lettered.Letter, participants, setUp, perParticipant, participants * perParticipant / ServiceFeeMonths);
        })];
}
