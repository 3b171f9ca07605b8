using Ecf.Domain.Declarations;
using Ecf.Domain.Finance;
using Ecf.Domain.ReferenceData;
using static Ecf.Domain.Tests.Finance.FinanceFixtures;

namespace Ecf.Domain.Tests.Finance;

/// <summary>ECF's banded statement calculation, with worked examples on the fixture contract (see <see cref="FinanceFixtures"/>).</summary>
public sealed class EcfStatementCalculatorTests
{
    private const string Started = DeclarationType.Started;

    [Fact]
    public void Contract_BandsLetteredByMaxAscendingWithTheOpenBandLast()
    {
        var bands = Contract.LetteredBands();

        Assert.Equal(["A", "B", "C"], bands.Select(b => b.Letter));
        Assert.Equal([10, 20, (int?)null], bands.Select(b => b.Band.Max));
        // Capacity max − max(1, min) + 1: A 10 − 1 + 1, B 20 − 11 + 1; lower max(min − 1, 0): 0, 10, 20.
        Assert.Equal([10, 10, (int?)null], bands.Select(b => b.Band.Capacity));
        Assert.Equal([0, 10, 20], bands.Select(b => b.Band.Lower));
    }

    [Fact]
    public void Contract_MoreThanFourBands_Refused()
    {
        var contract = Contract with { Bands = [new(0, 1, 1m), new(2, 3, 1m), new(4, 5, 1m), new(6, 7, 1m), new(8, null, 1m)] };

        Assert.Throws<InvalidOperationException>(() => contract.LetteredBands());
    }

    [Fact]
    public void Calculate_EarlierStatementsFilledMostOfA_ThisStatementStraddlesAIntoB()
    {
        // Earlier statements: 9 started billable, 1 refundable → previous fill 8, all in A (capacity 10).
        // This statement: 5 started billable → A takes the 2 left, B the other 3.
        // Output: 2 × 120 + 3 × 96 = 240 + 288 = 528.
        var previous = new Dictionary<string, PreviousCounts> { [Started] = new(9, 1) };

        var result = EcfStatementCalculator.Calculate(EcfInput([.. Lines(5, Started, DeclarationStates.Eligible)], previous));

        Assert.Equal(new EcfBandAmounts("A", 8, 2, 0, 120m, 240m, 0m), Band(result, Started, "A"));
        Assert.Equal(new EcfBandAmounts("B", 0, 3, 0, 96m, 288m, 0m), Band(result, Started, "B"));
        Assert.Equal(new EcfBandAmounts("C", 0, 0, 0, 60m, 0m, 0m), Band(result, Started, "C"));
        Assert.Equal(528m, result.OutputFee);
        Assert.Equal(0m, result.Clawbacks);
    }

    [Fact]
    public void Calculate_Refundable_ClawedBackFromTheTopBandDown()
    {
        // Previous fill 8 (A). Billable 5 → additions A 2, B 3. Refundable 4 off this statement's additions from the top:
        // B 3, then A 1. Clawbacks: 3 × 96 + 1 × 120 = 288 + 120 = 408; output stays 528.
        var previous = new Dictionary<string, PreviousCounts> { [Started] = new(8, 0) };
        var lines = Lines(5, Started, DeclarationStates.Payable).Concat(Lines(4, Started, DeclarationStates.AwaitingClawback, prefix: "gone"));

        var result = EcfStatementCalculator.Calculate(EcfInput([.. lines], previous));

        Assert.Equal((2, 1), (Band(result, Started, "A").Additions, Band(result, Started, "A").Subtractions));
        Assert.Equal((3, 3), (Band(result, Started, "B").Additions, Band(result, Started, "B").Subtractions));
        Assert.Equal(528m, result.OutputFee);
        Assert.Equal(408m, result.Clawbacks);
    }

    [Fact]
    public void Calculate_RefundableBeyondThisStatementsAdditions_TakenFromThePreviousFillTopDown()
    {
        // Previous fill 12 → A 10, B 2. Billable 1 → B (addition 1). Refundable 4: first B's addition (1, 3 left), then the
        // previous fill from the top: C has none, B 2 (1 left), A 1. Subtractions: B 1 + 2 = 3, A 1.
        // Output 96; clawbacks 3 × 96 + 1 × 120 = 408.
        var previous = new Dictionary<string, PreviousCounts> { [Started] = new(12, 0) };
        var lines = Lines(1, Started, DeclarationStates.Eligible).Concat(Lines(4, Started, DeclarationStates.ClawedBack, prefix: "gone"));

        var result = EcfStatementCalculator.Calculate(EcfInput([.. lines], previous));

        Assert.Equal(new EcfBandAmounts("A", 10, 0, 1, 120m, 0m, 120m), Band(result, Started, "A"));
        Assert.Equal(new EcfBandAmounts("B", 2, 1, 3, 96m, 96m, 288m), Band(result, Started, "B"));
        Assert.Equal(96m, result.OutputFee);
        Assert.Equal(408m, result.Clawbacks);
    }

    [Fact]
    public void Calculate_EachDeclarationTypeBandsOnItsOwnWithItsOwnProportion()
    {
        // Started previous fill 10 fills A, so 1 started pays in B (96); retained-1 has no previous fill, so 1 pays in A:
        // 0.15 × 600 = 90. Output 186. Voided and submitted lines count for nothing.
        var previous = new Dictionary<string, PreviousCounts> { [Started] = new(10, 0) };
        var lines = Lines(1, Started, DeclarationStates.Paid)
            .Concat(Lines(1, DeclarationType.Retained1, DeclarationStates.Eligible))
            .Concat(Lines(2, DeclarationType.Retained1, DeclarationStates.Voided, prefix: "void"))
            .Concat(Lines(2, Started, DeclarationStates.Submitted, prefix: "new"));

        var result = EcfStatementCalculator.Calculate(EcfInput([.. lines], previous));

        Assert.Equal(1, Band(result, Started, "B").Additions);
        Assert.Equal(new EcfBandAmounts("A", 0, 1, 0, 90m, 90m, 0m), Band(result, DeclarationType.Retained1, "A"));
        Assert.Equal(186m, result.OutputFee);
    }

    [Fact]
    public void Calculate_NoMonthlyServiceFee_ServiceFeeFromTheBandsLessTheSetUpCostOnBandA()
    {
        // Recruitment target 15: A holds 10, B 5, C 0.
        // A: set-up cost 500 / 10 = 50 per participant; 1000 × 40% − 50 = 350; 10 × 350 / 29 = 3500 / 29.
        // B: 800 × 40% = 320 (no set-up cost); 5 × 320 / 29 = 1600 / 29. C: 0.
        // Service fee 5100 / 29 = 175.862… → £175.86.
        var result = EcfStatementCalculator.Calculate(EcfInput([]));

        Assert.Equal(new EcfServiceFeeBand("A", 10, 50m, 350m, 3500m / 29m), result.ServiceFeeBands[0]);
        Assert.Equal(new EcfServiceFeeBand("B", 5, 0m, 320m, 1600m / 29m), result.ServiceFeeBands[1]);
        Assert.Equal(new EcfServiceFeeBand("C", 0, 0m, 200m, 0m), result.ServiceFeeBands[2]);
        Assert.Equal(175.86m, Money.ToPence(result.ServiceFee));
        Assert.Equal(result.ServiceFee, result.Subtotal);
    }

    [Fact]
    public void Calculate_MonthlyServiceFeeSet_ItReplacesTheCalculatedOne()
    {
        var result = EcfStatementCalculator.Calculate(EcfInput([], contract: Contract with { MonthlyServiceFee = 1234.56m }));

        Assert.Equal(1234.56m, result.ServiceFee);
        Assert.Empty(result.ServiceFeeBands);
    }

    [Fact]
    public void Calculate_Uplifts_OncePerStartedLineWhicheverFlagsLessRefundedOnes()
    {
        // Billable started: pupil premium, sparsity, both (paid once), neither → 3 additions. A refundable started with
        // pupil premium → 1 subtraction. A retained-1 with both flags pays no uplift. (3 − 1) × 100 = 200.
        StatementLine[] lines =
        [
            new("d1", "p1", Started, CourseIdentifiers.EcfInduction, DeclarationStates.Eligible, PupilPremiumUplift: true),
            new("d2", "p2", Started, CourseIdentifiers.EcfInduction, DeclarationStates.Eligible, SparsityUplift: true),
            new("d3", "p3", Started, CourseIdentifiers.EcfInduction, DeclarationStates.Payable, PupilPremiumUplift: true, SparsityUplift: true),
            new("d4", "p4", Started, CourseIdentifiers.EcfInduction, DeclarationStates.Eligible),
            new("d5", "p5", Started, CourseIdentifiers.EcfInduction, DeclarationStates.AwaitingClawback, PupilPremiumUplift: true),
            new("d6", "p6", DeclarationType.Retained1, CourseIdentifiers.EcfInduction, DeclarationStates.Eligible, PupilPremiumUplift: true, SparsityUplift: true),
        ];

        var result = EcfStatementCalculator.Calculate(EcfInput(lines));

        Assert.Equal((3, 1, 100m, 200m), (result.UpliftAdditions, result.UpliftSubtractions, result.UpliftPerParticipant, result.Uplift));
    }

    [Fact]
    public void Calculate_ContractWithoutUpliftAmount_NoUplift()
    {
        var lines = Lines(2, Started, DeclarationStates.Eligible, pupilPremium: true);

        var result = EcfStatementCalculator.Calculate(EcfInput([.. lines], contract: Contract with { UpliftAmount = null }));

        Assert.Equal(2, result.UpliftAdditions);
        Assert.Equal(0m, result.Uplift);
    }

    [Theory]
    [InlineData(true, 262, 1572)]
    [InlineData(false, 0, 1310)]
    public void Calculate_Total_ServiceOutputUpliftAdjustmentsReconcile_WithVatWhenRegistered(bool vatRegistered, int vat, int total)
    {
        // Monthly service fee 1000; 2 started in A: 2 × 120 = 240, one with pupil premium: uplift 100; adjustment −40;
        // reconcile 10. Subtotal 1000 + 240 − 0 + 100 − 40 + 10 = 1310; VAT 20% = 262 → 1572 when VAT-registered.
        var lines = Lines(1, Started, DeclarationStates.Eligible, pupilPremium: true).Concat(Lines(1, Started, DeclarationStates.Eligible, prefix: "other"));
        var input = EcfInput(
            [.. lines],
            contract: Contract with { MonthlyServiceFee = 1000m },
            adjustments: [new("Manual correction", -40m)],
            reconcileAmount: 10m,
            vatRegistered: vatRegistered);

        var result = EcfStatementCalculator.Calculate(input);

        Assert.Equal((240m, 100m, -40m), (result.OutputFee, result.Uplift, result.AdjustmentsTotal));
        Assert.Equal(1310m, result.Subtotal);
        Assert.Equal((decimal)vat, result.Vat);
        Assert.Equal((decimal)total, result.Total);
    }

    [Theory]
    [InlineData(2024, 2)]
    [InlineData(2025, 1)]
    public void Calculate_MentorLinesBandedWithEctsUpTo2024Only(int contractYear, int additionsInA)
    {
        var lines = Lines(1, Started, DeclarationStates.Eligible).Concat(Lines(1, Started, DeclarationStates.Eligible, CourseIdentifiers.EcfMentor, "mentor"));

        var result = EcfStatementCalculator.Calculate(EcfInput([.. lines], contractYear: contractYear));

        Assert.Equal(additionsInA, Band(result, Started, "A").Additions);
    }

    [Fact]
    public void MentorCalculator_2025_HalfOnStartedHalfOnCompleted_NoBandsNoServiceFee()
    {
        // Payment per participant 1000: started and completed 500 each. Billable: 3 started + 1 completed = 4 × 500 = 2000;
        // refundable: 1 started = 500. Subtotal 1500; VAT 300 → 1800. ECT lines and other mentor types pay nothing here.
        var lines = Lines(3, Started, DeclarationStates.Eligible, CourseIdentifiers.EcfMentor)
            .Concat(Lines(1, DeclarationType.Completed, DeclarationStates.Paid, CourseIdentifiers.EcfMentor))
            .Concat(Lines(1, Started, DeclarationStates.AwaitingClawback, CourseIdentifiers.EcfMentor, "gone"))
            .Concat(Lines(1, DeclarationType.Retained1, DeclarationStates.Eligible, CourseIdentifiers.EcfMentor))
            .Concat(Lines(2, Started, DeclarationStates.Eligible, CourseIdentifiers.EcfInduction, "ect"));

        var result = MentorStatementCalculator.Calculate(new MentorStatementInput(new MentorContract("m-1.0", 50), [.. lines], VatRegistered: true));

        Assert.Equal(
            [new MentorDeclarationTypeAmounts(Started, 3, 1, 500m, 1500m, 500m), new MentorDeclarationTypeAmounts(DeclarationType.Completed, 1, 0, 500m, 500m, 0m)],
            result.DeclarationTypes);
        Assert.Equal((2000m, 500m, 1500m, 300m, 1800m), (result.OutputFee, result.Clawbacks, result.Subtotal, result.Vat, result.Total));
    }

    [Theory]
    [InlineData(1.005, 1.01)]
    [InlineData(-1.005, -1.01)]
    [InlineData(175.8620689, 175.86)]
    public void ToPence_RoundsHalvesAwayFromZero(double amount, double pence) =>
        Assert.Equal((decimal)pence, Money.ToPence((decimal)amount));
}
