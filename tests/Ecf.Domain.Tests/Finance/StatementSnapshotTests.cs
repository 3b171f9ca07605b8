using Ecf.Domain.Declarations;
using Ecf.Domain.Finance;
using Ecf.Domain.ReferenceData;
using static Ecf.Domain.Tests.Finance.FinanceFixtures;

namespace Ecf.Domain.Tests.Finance;

/// <summary>The canonical JSON and hash of a statement calculation: identical inputs, identical hash; any change, another.</summary>
public sealed class StatementSnapshotTests
{
    private static EcfStatementInput Input() => EcfInput(
        [.. Lines(3, DeclarationType.Started, DeclarationStates.Eligible, pupilPremium: true), .. Lines(1, DeclarationType.Started, DeclarationStates.AwaitingClawback, prefix: "gone")],
        new Dictionary<string, PreviousCounts> { [DeclarationType.Started] = new(9, 1) },
        contractYear: 2025,
        adjustments: [new("Manual correction", -40.5m)],
        reconcileAmount: 12.25m,
        vatRegistered: true);

    private static readonly MentorStatementInput Mentors = new(
        new MentorContract("m-1.0", 20), [.. Lines(2, DeclarationType.Started, DeclarationStates.Eligible, CourseIdentifiers.EcfMentor)], VatRegistered: true);

    private static StatementSnapshot Snapshot(EcfStatementInput input, MentorStatementInput? mentors = null) =>
        StatementSnapshot.ForEcf(EcfStatementCalculator.Calculate(input), MentorStatementCalculator.Calculate(mentors ?? Mentors));

    [Fact]
    public void Hash_IdenticalInputs_IdenticalJsonAndHash()
    {
        var first = Snapshot(Input());
        var second = Snapshot(Input());

        Assert.Equal(first.ToCanonicalJson(), second.ToCanonicalJson());
        Assert.Equal(first.Hash(), second.Hash());
        Assert.Matches("^[0-9a-f]{64}$", first.Hash());
    }

    [Fact]
    public void CanonicalJson_KeysSortedNoWhitespace_DecimalsByValueNotScale()
    {
        var json = Snapshot(Input()).ToCanonicalJson();
        var sameAmountOtherScale = Snapshot(Input() with { Adjustments = [new("Manual correction", -40.500m)] }).ToCanonicalJson();

        Assert.StartsWith("{\"Adjustments\":[{\"Amount\":-40.5,\"Name\":\"Manual correction\"}],\"ContractVersions\":{\"ecf\":\"1.0.0\",\"mentor\":\"m-1.0\"},\"Counts\":[", json, StringComparison.Ordinal);
        Assert.DoesNotContain(" ", json.Replace("Manual correction", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(json, sameAmountOtherScale);
    }

    public static TheoryData<string> Changes => ["contract version", "mentor contract version", "billable line", "refundable line", "previous counts", "adjustment amount", "adjustment name", "reconcile", "vat", "uplift flag", "mentor line"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Hash_AnyInputChanged_Differs(string change)
    {
        var input = Input();
        var mentors = Mentors;
        switch (change)
        {
            case "contract version": input = input with { Contract = input.Contract with { Version = "1.0.1" } }; break;
            case "mentor contract version": mentors = mentors with { Contract = mentors.Contract with { Version = "m-1.1" } }; break;
            case "billable line": input = input with { Lines = [.. input.Lines, .. Lines(1, DeclarationType.Retained1, DeclarationStates.Eligible)] }; break;
            case "refundable line": input = input with { Lines = [.. input.Lines, .. Lines(1, DeclarationType.Retained1, DeclarationStates.ClawedBack)] }; break;
            case "previous counts": input = input with { Previous = new Dictionary<string, PreviousCounts> { [DeclarationType.Started] = new(10, 2) } }; break;
            case "adjustment amount": input = input with { Adjustments = [new("Manual correction", -40.51m)] }; break;
            case "adjustment name": input = input with { Adjustments = [new("Another correction", -40.5m)] }; break;
            case "reconcile": input = input with { ReconcileAmount = 12.26m }; break;
            case "vat": input = input with { VatRegistered = false }; break;
            case "uplift flag": input = input with { Lines = [input.Lines[0] with { PupilPremiumUplift = false }, .. input.Lines.Skip(1)] }; break;
            case "mentor line": mentors = mentors with { Lines = [.. mentors.Lines, .. Lines(1, DeclarationType.Completed, DeclarationStates.Eligible, CourseIdentifiers.EcfMentor)] }; break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }

        Assert.NotEqual(Snapshot(Input()).Hash(), Snapshot(input, mentors).Hash());
    }

    [Fact]
    public void NpqHash_IdenticalInputs_Identical_AndATargetedDeliveryFundingFlagChangesIt()
    {
        var template = new NpqContractTemplate("npq-1.0", 50, 1000m, 60m, 4, 40m, 20, null, 100m);
        NpqStatementInput Input(bool tdf) => new(
            2023, 2025, 10, [new("npq-leading-teaching", template)],
            [new("d1", "p1", DeclarationType.Started, "npq-leading-teaching", DeclarationStates.Eligible, TargetedDeliveryFundingEligible: tdf, EligibleForFunding: true)],
            [], 0m);

        var hash = StatementSnapshot.ForNpq(NpqStatementCalculator.Calculate(Input(true))).Hash();

        Assert.Equal(hash, StatementSnapshot.ForNpq(NpqStatementCalculator.Calculate(Input(true))).Hash());
        Assert.NotEqual(hash, StatementSnapshot.ForNpq(NpqStatementCalculator.Calculate(Input(false))).Hash());
    }
}
