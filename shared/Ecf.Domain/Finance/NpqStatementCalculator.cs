using Ecf.Domain.ReferenceData;

namespace Ecf.Domain.Finance;

/// <summary>One course's contract on an NPQ statement (NPQ's <c>Contract</c>: statement, course, template).</summary>
public sealed record NpqCourseContract(string CourseIdentifier, NpqContractTemplate Template);

/// <summary>What an NPQ statement is calculated from.</summary>
/// <param name="ContractYear">The cohort's start year.</param>
/// <param name="Year">The statement's year.</param>
/// <param name="Month">The statement's month (1–12).</param>
/// <param name="Lines">This statement's lines; a line whose course has no contract is ignored.</param>
public sealed record NpqStatementInput(
    int ContractYear,
    int Year,
    int Month,
    IReadOnlyList<NpqCourseContract> Contracts,
    IReadOnlyList<StatementLine> Lines,
    IReadOnlyList<StatementAdjustment> Adjustments,
    decimal ReconcileAmount);

/// <summary>One course's breakdown. Counts are distinct (person, declaration type); "retained" is retained-1 + retained-2.</summary>
/// <param name="ServiceFeePerParticipant">
/// The template's per-participant service fee, or when a monthly fee is set, that fee / recruitment target (as NPQ shows it).
/// </param>
/// <param name="Total">Monthly service fee + output subtotal − clawback + TDF − refundable TDF.</param>
public sealed record NpqCourseAmounts(
    string CourseIdentifier,
    string ContractVersion,
    bool SpecialCourse,
    int Started,
    int Retained,
    int Completed,
    int Billable,
    int Refundable,
    decimal OutputPerParticipant,
    decimal OutputSubtotal,
    decimal ServiceFeePerParticipant,
    decimal MonthlyServiceFee,
    decimal Clawback,
    int TargetedDeliveryFundingCount,
    int TargetedDeliveryFundingRefundableCount,
    decimal TargetedDeliveryFunding,
    decimal TargetedDeliveryFundingRefundable,
    decimal Total);

/// <param name="Courses">Courses whose totals make the statement total.</param>
/// <param name="SpecialCourses">Special courses, shown apart and not in <see cref="Total"/>.</param>
/// <param name="Total">Σ course totals (non-special) + adjustments + reconcile amount.</param>
public sealed record NpqStatementResult(
    IReadOnlyList<NpqCourseAmounts> Courses,
    IReadOnlyList<NpqCourseAmounts> SpecialCourses,
    IReadOnlyList<StatementAdjustment> Adjustments,
    decimal AdjustmentsTotal,
    decimal ReconcileAmount,
    decimal Total);

/// <summary>
/// NPQ's statement calculation per course contract (NPQ's <c>Statements::*</c> calculators;
/// docs/domain.md#statement-calculations).
/// </summary>
public static class NpqStatementCalculator
{
    public const string EarlyHeadshipCoachingOffer = "npq-early-headship-coaching-offer";
    public const string AdditionalSupportOffer = "npq-additional-support-offer";

    /// <summary>Targeted delivery funding is paid on statements up to October 2025 ...</summary>
    public const int LastTargetedDeliveryFundingYear = 2025;

    public const int LastTargetedDeliveryFundingMonth = 10;

    /// <summary>... for cohorts from 2022.</summary>
    public const int FirstTargetedDeliveryFundingContractYear = 2022;

    public static decimal OutputPerParticipant(NpqContractTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.OutputPaymentPercentage == 0m || template.NumberOfPaymentPeriods == 0
            ? 0m
            : template.PerParticipant * template.OutputPaymentPercentage / (100m * template.NumberOfPaymentPeriods);
    }

    public static decimal ServiceFeePerParticipant(NpqContractTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.ServiceFeePercentage == 0m || template.ServiceFeeInstalments == 0
            ? 0m
            : template.PerParticipant * template.ServiceFeePercentage / (100m * template.ServiceFeeInstalments);
    }

    /// <summary>Whether a statement of (<paramref name="year"/>, <paramref name="month"/>) pays TDF on the course.</summary>
    public static bool PaysTargetedDeliveryFunding(int contractYear, int year, int month, string courseIdentifier) =>
        (year, month).CompareTo((LastTargetedDeliveryFundingYear, LastTargetedDeliveryFundingMonth)) <= 0
        && contractYear >= FirstTargetedDeliveryFundingContractYear
        && courseIdentifier is not (EarlyHeadshipCoachingOffer or AdditionalSupportOffer);

    public static NpqStatementResult Calculate(NpqStatementInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var courses = input.Contracts.Select(contract => Course(input, contract)).ToList();
        var counted = courses.Where(c => !c.SpecialCourse).ToList();
        var adjustmentsTotal = input.Adjustments.Sum(a => a.Amount);
        return new NpqStatementResult(
            counted,
            [.. courses.Where(c => c.SpecialCourse)],
            input.Adjustments,
            adjustmentsTotal,
            input.ReconcileAmount,
            counted.Sum(c => c.Total) + adjustmentsTotal + input.ReconcileAmount);
    }

    private static NpqCourseAmounts Course(NpqStatementInput input, NpqCourseContract contract)
    {
        var template = contract.Template;
        var lines = input.Lines.Where(l => l.CourseIdentifier == contract.CourseIdentifier).ToList();
        var billable = lines.Where(l => l.IsBillable).ToList();
        var refundable = lines.Where(l => l.IsRefundable).ToList();

        var started = Distinct(billable, DeclarationType.Started);
        var retained = Distinct(billable, DeclarationType.Retained1) + Distinct(billable, DeclarationType.Retained2);
        var completed = Distinct(billable, DeclarationType.Completed);
        var billableCount = Distinct(billable);
        var refundableCount = Distinct(refundable);

        var outputPerParticipant = OutputPerParticipant(template);
        var servicePerParticipant = ServiceFeePerParticipant(template);
        var monthlyServiceFee = template.MonthlyServiceFee ?? (template.RecruitmentTarget * servicePerParticipant);
        var shownServicePerParticipant = template.MonthlyServiceFee is { } monthly && template.RecruitmentTarget > 0
            ? monthly / template.RecruitmentTarget
            : servicePerParticipant;

        var paysTdf = PaysTargetedDeliveryFunding(input.ContractYear, input.Year, input.Month, contract.CourseIdentifier);
        var tdfCount = paysTdf ? TdfCount(billable) : 0;
        var tdfRefundableCount = paysTdf ? TdfCount(refundable) : 0;
        var tdf = tdfCount * template.TargetedDeliveryFundingPerParticipant;
        var tdfRefundable = tdfRefundableCount * template.TargetedDeliveryFundingPerParticipant;

        var outputSubtotal = billableCount * outputPerParticipant;
        var clawback = refundableCount * outputPerParticipant;
        return new NpqCourseAmounts(
            contract.CourseIdentifier, template.Version, template.SpecialCourse,
            started, retained, completed, billableCount, refundableCount,
            outputPerParticipant, outputSubtotal, shownServicePerParticipant, monthlyServiceFee, clawback,
            tdfCount, tdfRefundableCount, tdf, tdfRefundable,
            monthlyServiceFee + outputSubtotal - clawback + tdf - tdfRefundable);
    }

    /// <summary>Distinct (person, declaration type) among the lines, of one type or of all.</summary>
    private static int Distinct(IEnumerable<StatementLine> lines, string? type = null) =>
        lines.Where(l => type is null || l.DeclarationType == type).Select(l => (l.PersonId, l.DeclarationType)).Distinct().Count();

    private static int TdfCount(IEnumerable<StatementLine> lines) =>
        Distinct(lines.Where(l => l.TargetedDeliveryFundingEligible && l.EligibleForFunding), DeclarationType.Started);
}
