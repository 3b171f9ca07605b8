using Ecf.Domain.Declarations;

namespace Ecf.Domain.Finance;

/// <summary>
/// A declaration's line on one statement (ECF's <c>statement_line_items</c>): <see cref="State"/> is its state on this
/// statement, billable (<c>eligible|payable|paid</c>) or refundable (<c>awaiting_clawback|clawed_back</c>); other states
/// (voided, ineligible) count for nothing. The uplift flags are the participation's; the two funding flags are NPQ's
/// application's.
/// </summary>
public sealed record StatementLine(
    string DeclarationId,
    string PersonId,
    string DeclarationType,
    string CourseIdentifier,
    string State,
    bool PupilPremiumUplift = false,
    bool SparsityUplift = false,
    bool TargetedDeliveryFundingEligible = false,
    bool EligibleForFunding = false)
{
    public bool IsBillable => DeclarationStates.IsBillable(State);

    public bool IsRefundable => DeclarationStates.IsRefundable(State);

    public bool HasUplift => PupilPremiumUplift || SparsityUplift;
}

/// <summary>A named finance adjustment on a statement (ECF's <c>finance_adjustments</c>); negative to deduct.</summary>
public sealed record StatementAdjustment(string Name, decimal Amount);

/// <summary>The line counts of one declaration type over the earlier statements of the same provider and contract year.</summary>
public sealed record PreviousCounts(int Billable, int Refundable)
{
    public static PreviousCounts None { get; } = new(0, 0);

    /// <summary>The previous fill: billable minus refundable.</summary>
    public int Fill => Billable - Refundable;

    /// <summary>Counts per declaration type of the given lines of earlier statements, those matching <paramref name="include"/>.</summary>
    public static IReadOnlyDictionary<string, PreviousCounts> ByType(IEnumerable<StatementLine> earlierLines, Func<StatementLine, bool> include)
    {
        ArgumentNullException.ThrowIfNull(earlierLines);
        ArgumentNullException.ThrowIfNull(include);
        return earlierLines.Where(include).GroupBy(l => l.DeclarationType, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => new PreviousCounts(g.Count(l => l.IsBillable), g.Count(l => l.IsRefundable)),
            StringComparer.Ordinal);
    }
}
