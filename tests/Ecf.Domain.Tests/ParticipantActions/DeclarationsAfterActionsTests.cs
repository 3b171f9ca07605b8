using Ecf.Domain.Declarations;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;
using static Ecf.Domain.Tests.Declarations.DeclarationFixtures;
using static Ecf.Domain.Tests.ParticipantActions.ParticipantActionFixtures;

namespace Ecf.Domain.Tests.ParticipantActions;

/// <summary>
/// Declarations after participant actions: a withdrawal refuses declarations dated from it on until a resume, and a move out of
/// a payments-frozen year closes that year to declarations until an admin moves the participant back into it.
/// </summary>
public sealed class DeclarationsAfterActionsTests
{
    private static readonly DateTimeOffset WithdrawnAt = new(2025, 10, 15, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ResumedAt = new(2025, 10, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MovedBackAt = new(2025, 7, 2, 9, 0, 0, TimeSpan.Zero);

    private const string FundingContractEnded2022 =
        "You cannot submit or void declarations for the 2022 cohort. The funding contract for this cohort has ended. Get in touch if you need to discuss this with us.";

    private static DeclarationDecision Record(Person person, string type, string date, string? evidence = null, DateTimeOffset? at = null) =>
        DeclarationDecider.Record(
            person, person.Request(type, date, evidence: evidence), Facts(now: at ?? Now), ProviderContext with { At = at ?? Now }, "declaration-new");

    /// <summary>A 2022 ECT, eligible for funding from 1 September 2022, whose paid started declaration stays in 2022, moved out into 2025 on 1 July 2025.</summary>
    private static Person EligibleMovedOutOf2022() =>
        Paid2022Ect()
            .WithEligibility(FundingEligibilityStatuses.Eligible, "2022-09-01", at: new DateTimeOffset(2025, 6, 30, 9, 0, 0, TimeSpan.Zero))
            .Moved("2025", MoveOutAt, PartnershipsIn(2022, 2025));

    [Theory]
    [InlineData("2025-10-20T10:00:00Z")]
    [InlineData("2025-10-15T09:30:00Z")]
    public void Record_DatedFromTheWithdrawalOn_RefusedNamingTheWithdrawalTime(string date)
    {
        var withdrawn = Registered().Withdrawn(WithdrawnAt);

        var decision = Record(withdrawn, DeclarationType.Started, date);

        Assert.Equal(
            [
                new DeclarationRefusal(
                    DeclarationRule.AfterWithdrawal, "participant_id",
                    "This participant withdrew from this course on 2025-10-15T09:30:00Z. Enter a '#/declaration_date' that's on or before the withdrawal date."),
            ],
            decision.Refusals);
        Assert.Empty(decision.Events);
    }

    [Theory]
    [InlineData("2025-10-01T10:00:00Z")]
    [InlineData("2025-10-15T09:29:59Z")]
    public void Record_DatedBeforeTheWithdrawal_Accepted(string date)
    {
        var withdrawn = Registered().Withdrawn(WithdrawnAt);

        var decision = Record(withdrawn, DeclarationType.Started, date);

        Assert.Empty(decision.Refusals);
        Assert.Equal(DeclarationStates.Submitted, decision.Declaration!.State);
    }

    [Fact]
    public void Record_AfterAResume_ALaterDatedDeclarationIsAccepted()
    {
        var resumed = Registered().Withdrawn(WithdrawnAt).Resumed(ResumedAt);

        var decision = Record(resumed, DeclarationType.Started, "2025-10-26T10:00:00Z");

        Assert.Empty(decision.Refusals);
        Assert.Equal(TrainingRecordId, decision.Events[0].TrainingRecordId);
    }

    [Fact]
    public void Record_WhileMovedOutOfAFrozenYear_ADeclarationInItsMilestoneWindowIsRefused()
    {
        // retained-2 of 1 May 2023 falls in 2022's ecf-standard-september window (1 April to 31 July 2023).
        var moved = EligibleMovedOutOf2022();

        var decision = Record(moved, DeclarationType.Retained2, "2023-05-01T10:00:00Z", EvidenceHeldRules.Other, MovedBackAt.AddHours(-12));

        Assert.Equal([new DeclarationRefusal(DeclarationRule.FundingContractEnded, "cohort", FundingContractEnded2022)], decision.Refusals);
    }

    [Fact]
    public void Record_AfterTheMoveBack_AcceptedAndAttachedToTheNext2022OutputStatement()
    {
        var movedBack = EligibleMovedOutOf2022().Moved("2022", MovedBackAt, PartnershipsIn(2022, 2022));
        var at = MovedBackAt.AddDays(1);

        var decision = Record(movedBack, DeclarationType.Retained2, "2023-05-01T10:00:00Z", EvidenceHeldRules.Other, at);

        Assert.Empty(decision.Refusals);
        var declaration = decision.Declaration!;
        Assert.Equal((2022, 2022), (declaration.Cohort, declaration.ContractYear));
        Assert.Equal(movedBack.Participations[0].TrainingPeriods[0].Id, declaration.TrainingPeriodId);
        var recorded = decision.Person!.Declaration("declaration-new");
        Assert.Equal(DeclarationStates.Eligible, recorded.State);
        var august2025 = Calendar.Single(e => e.ContractYear == 2022 && e.Year == 2025 && e.Month == 8);
        Assert.Equal(OutputStatements.StatementId(Provider, august2025), recorded.StatementId);
    }

    [Fact]
    public void Record_AfterTheMoveBackOnceThe2022StatementsHaveClosed_Refused()
    {
        // The last 2022 output statement's deadline is 31 July 2025.
        var movedBack = EligibleMovedOutOf2022().Moved("2022", MovedBackAt, PartnershipsIn(2022, 2022));

        var decision = Record(movedBack, DeclarationType.Retained2, "2023-05-01T10:00:00Z", EvidenceHeldRules.Other, new DateTimeOffset(2025, 8, 1, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal([new DeclarationRefusal(DeclarationRule.FundingContractEnded, "cohort", FundingContractEnded2022)], decision.Refusals);
    }
}
