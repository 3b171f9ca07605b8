using Ecf.Domain.Declarations;
using Ecf.Domain.Finance;

namespace Ecf.Domain.Tests.Finance;

/// <summary>
/// Contracts and lines for the statement calculator tests. The ECF contract has small bands so the worked examples stay
/// readable: A 0–10 at £1,000, B 11–20 at £800, C 21+ at £500, each 60% output / 40% service; set-up fee £500;
/// recruitment target 15; uplift £100. Output per participant: A 600, B 480, C 300; a <c>started</c> pays 0.2 of that
/// (A 120, B 96, C 60), a <c>retained-1</c> 0.15 (A 90, B 72, C 45).
/// </summary>
internal static class FinanceFixtures
{
    public static readonly EcfContract Contract = new(
        "1.0.0",
        RecruitmentTarget: 15,
        RevisedTarget: null,
        SetUpFee: 500m,
        MonthlyServiceFee: null,
        UpliftTarget: null,
        UpliftAmount: 100m,
        // Given out of order: the letters come from max ascending, open top last.
        Bands: [new(21, null, 500m), new(0, 10, 1000m), new(11, 20, 800m)]);

    public static EcfStatementInput EcfInput(
        IReadOnlyList<StatementLine> lines,
        IReadOnlyDictionary<string, PreviousCounts>? previous = null,
        EcfContract? contract = null,
        int contractYear = 2024,
        IReadOnlyList<StatementAdjustment>? adjustments = null,
        decimal reconcileAmount = 0m,
        bool vatRegistered = false) =>
        new(contractYear, contract ?? Contract, lines, previous ?? new Dictionary<string, PreviousCounts>(), adjustments ?? [], reconcileAmount, vatRegistered);

    /// <summary><paramref name="count"/> lines of one type and state, for people <c>{prefix}-1</c>, <c>{prefix}-2</c>, ….</summary>
    public static IEnumerable<StatementLine> Lines(
        int count, string type, string state, string course = CourseIdentifiers.EcfInduction, string prefix = "person",
        bool pupilPremium = false, bool sparsity = false) =>
        Enumerable.Range(1, count).Select(i => new StatementLine(
            $"{prefix}-{type}-{state}-{i}", $"{prefix}-{i}", type, course, state, pupilPremium, sparsity));

    public static EcfBandAmounts Band(EcfStatementResult result, string type, string letter) =>
        result.DeclarationTypes.Single(t => t.DeclarationType == type).Bands.Single(b => b.Band == letter);
}
