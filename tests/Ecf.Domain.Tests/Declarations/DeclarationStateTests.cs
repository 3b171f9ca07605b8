using Ecf.Domain.Declarations;
using Ecf.Domain.ReferenceData;

namespace Ecf.Domain.Tests.Declarations;

/// <summary>The state the API and finance see: a declaration's own state with the payment states its statements give it.</summary>
public sealed class DeclarationStateTests
{
    private const string Statement = "statement-1";
    private const string Clawback = "statement-2";

    [Theory]
    [InlineData(DeclarationStates.Eligible, Statement, null, null, null, DeclarationStates.Eligible)]
    [InlineData(DeclarationStates.Eligible, Statement, null, DeclarationState.StatementOpen, null, DeclarationStates.Eligible)]
    [InlineData(DeclarationStates.Eligible, Statement, null, DeclarationState.StatementPayable, null, DeclarationStates.Payable)]
    [InlineData(DeclarationStates.Eligible, Statement, null, DeclarationState.StatementPaid, null, DeclarationStates.Paid)]
    [InlineData(DeclarationStates.Eligible, null, null, DeclarationState.StatementPaid, null, DeclarationStates.Eligible)]
    [InlineData(DeclarationStates.AwaitingClawback, Statement, Clawback, DeclarationState.StatementPaid, DeclarationState.StatementPaid, DeclarationStates.ClawedBack)]
    [InlineData(DeclarationStates.AwaitingClawback, Statement, Clawback, DeclarationState.StatementPaid, DeclarationState.StatementPayable, DeclarationStates.AwaitingClawback)]
    [InlineData(DeclarationStates.AwaitingClawback, Statement, Clawback, DeclarationState.StatementPaid, null, DeclarationStates.AwaitingClawback)]
    [InlineData(DeclarationStates.Submitted, null, null, null, null, DeclarationStates.Submitted)]
    [InlineData(DeclarationStates.Voided, Statement, null, DeclarationState.StatementPaid, null, DeclarationStates.Voided)]
    [InlineData(DeclarationStates.Voided, Statement, null, DeclarationState.StatementPayable, null, DeclarationStates.Voided)]
    [InlineData(DeclarationStates.Ineligible, Statement, null, DeclarationState.StatementPaid, null, DeclarationStates.Ineligible)]
    public void Effective_OwnStateAndStatementStates_TheStateShown(
        string state, string? statementId, string? clawbackStatementId, string? statementState, string? clawbackState, string expected)
    {
        var declaration = Declaration(state, statementId: statementId, clawbackStatementId: clawbackStatementId);
        var states = new Dictionary<string, string>();
        if (statementState is not null)
        {
            states[Statement] = statementState;
        }

        if (clawbackState is not null)
        {
            states[Clawback] = clawbackState;
        }

        Assert.Equal(expected, DeclarationState.Effective(declaration, states));
    }

    [Theory]
    [InlineData(CourseIdentifiers.EcfInduction, DeclarationType.Started, DeclarationStates.Paid, true, false, true)]
    [InlineData(CourseIdentifiers.EcfInduction, DeclarationType.Started, DeclarationStates.Paid, false, true, true)]
    [InlineData(CourseIdentifiers.EcfInduction, DeclarationType.Started, DeclarationStates.Paid, false, false, false)]
    [InlineData(CourseIdentifiers.EcfInduction, DeclarationType.Started, DeclarationStates.AwaitingClawback, true, true, true)]
    [InlineData(CourseIdentifiers.EcfInduction, DeclarationType.Started, DeclarationStates.ClawedBack, true, false, true)]
    [InlineData(CourseIdentifiers.EcfInduction, DeclarationType.Started, DeclarationStates.Payable, true, true, false)]
    [InlineData(CourseIdentifiers.EcfInduction, DeclarationType.Started, DeclarationStates.Eligible, true, true, false)]
    [InlineData(CourseIdentifiers.EcfInduction, DeclarationType.Started, DeclarationStates.Voided, true, true, false)]
    [InlineData(CourseIdentifiers.EcfInduction, DeclarationType.Retained1, DeclarationStates.Paid, true, true, false)]
    [InlineData(CourseIdentifiers.EcfMentor, DeclarationType.Started, DeclarationStates.Paid, true, true, false)]
    public void UpliftPaid_InductionStartedWithAnUpliftPaidOrRefunded_True(string course, string type, string effectiveState, bool pupilPremium, bool sparsity, bool expected)
    {
        var declaration = Declaration(DeclarationStates.Eligible, course, type) with { PupilPremiumUplift = pupilPremium, SparsityUplift = sparsity };

        Assert.Equal(expected, DeclarationState.UpliftPaid(declaration, effectiveState));
    }

    [Theory]
    [InlineData("awaiting_clawback", "awaiting-clawback")]
    [InlineData("clawed_back", "clawed-back")]
    [InlineData("eligible", "eligible")]
    public void ApiName_Dasherized(string state, string expected) => Assert.Equal(expected, DeclarationStates.ApiName(state));

    private static Declaration Declaration(
        string state, string course = CourseIdentifiers.EcfInduction, string type = DeclarationType.Started, string? statementId = null, string? clawbackStatementId = null) => new()
        {
            Id = "d-1",
            TrainingPeriodId = "record-1:training:1",
            LeadProviderId = Guid.Parse("11111111-1111-1111-1111-111111111111"),
            CourseIdentifier = course,
            DeclarationType = type,
            DeclarationDate = new DateTimeOffset(2025, 10, 1, 10, 0, 0, TimeSpan.Zero),
            Cohort = 2025,
            ContractYear = 2025,
            State = state,
            StatementId = statementId,
            ClawbackStatementId = clawbackStatementId,
            CreatedAt = new DateTimeOffset(2025, 10, 1, 10, 0, 0, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2025, 10, 1, 10, 0, 0, TimeSpan.Zero),
        };
}
