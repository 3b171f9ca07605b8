using Ecf.Domain.Declarations;
using Ecf.Domain.ParticipantActions;
using Ecf.Domain.Partnerships;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;
using static Ecf.Domain.Tests.Declarations.DeclarationFixtures;
using static Ecf.Domain.Tests.ParticipantActions.ParticipantActionFixtures;

namespace Ecf.Domain.Tests.ParticipantActions;

/// <summary>
/// An admin's move of an ECT out of a payments-frozen contract year and back, against the seed's frozen years (2021 frozen on
/// 18 June 2024, 2022 on 16 June 2025): every condition failing alone, and what a move writes. Moves out are on 1 July 2025, when
/// 2025 is the active registration year; moves back on 10 November 2025.
/// </summary>
public sealed class ContractYearMovesTests
{
    private static ParticipantActionDecision Move(
        Person? person, string? contractYear, bool attempt = true, string? schedule = null, DateTimeOffset? at = null,
        IReadOnlyDictionary<int, Partnership>? partnerships = null, string trainingRecordId = TrainingRecordId)
    {
        var now = at ?? MoveOutAt;
        return ContractYearMoves.Move(
            person, trainingRecordId, new ContractYearMoveRequest(contractYear, attempt, schedule),
            ActionFacts(now, partnerships: partnerships ?? PartnershipsIn(2022, 2022, 2025)), AdminAt(now));
    }

    private static ParticipantActionDecision MoveBack(Person person, string? contractYear = "2022", bool attempt = true, string? schedule = null) =>
        Move(person, contractYear, attempt, schedule, Now);

    private static void AssertRefused(ParticipantActionDecision decision, ParticipantActionRule rule, string attribute, string message)
    {
        Assert.Equal([new ParticipantActionRefusal(rule, attribute, message)], decision.Refusals);
        Assert.Empty(decision.Events);
        Assert.Null(decision.Person);
    }

    [Fact]
    public void Move_UnknownParticipation_NotFound()
    {
        AssertRefused(Move(Paid2022Ect(), "2025", trainingRecordId: "record-9"), ParticipantActionRule.ParticipationNotFound, "id", "Nothing could be found for the provided details");
        AssertRefused(Move(null, "2025"), ParticipantActionRule.ParticipationNotFound, "id", "Nothing could be found for the provided details");
    }

    // Moving out.
    [Fact]
    public void MoveOut_NotRequested_Refused()
    {
        AssertRefused(
            Move(Paid2022Ect(), "2025", attempt: false), ParticipantActionRule.MoveNotRequested, "attempt_to_transfer_leaving_billable_declarations",
            "Set '#/attempt_to_transfer_leaving_billable_declarations' to true to move a participant between a payments-frozen contract year and the active registration year.");
    }

    [Fact]
    public void MoveOut_AMentor_Refused()
    {
        AssertRefused(
            Move(Paid2022Ect(ParticipationTypes.Mentor), "2025"), ParticipantActionRule.NotAnEct, "participant_type",
            "Only early career teachers move between a payments-frozen contract year and the active registration year.");
    }

    [Theory]
    [InlineData("2030", "The '#/contract_year' '2030' is not a known contract year.")]
    [InlineData("twenty", "The '#/contract_year' 'twenty' is not a known contract year.")]
    [InlineData(" 2025", "The '#/contract_year' ' 2025' is not a known contract year.")]
    [InlineData("", "The '#/contract_year' is missing.")]
    [InlineData(null, "The '#/contract_year' is missing.")]
    public void Move_UnknownContractYear_Refused(string? year, string message)
    {
        AssertRefused(Move(Paid2022Ect(), year), ParticipantActionRule.ContractYearInvalid, "contract_year", message);
    }

    [Fact]
    public void MoveOut_ToTheSameYear_Refused()
    {
        AssertRefused(Move(Paid2022Ect(), "2022"), ParticipantActionRule.SameContractYear, "contract_year", "The participant is already in the 2022 contract year.");
    }

    [Fact]
    public void MoveOut_ToAYearOtherThanTheActiveRegistrationYear_Refused()
    {
        AssertRefused(
            Move(Paid2022Ect(), "2024"), ParticipantActionRule.NotActiveRegistrationYear, "contract_year",
            "A participant leaving a payments-frozen contract year moves to the active registration contract year, 2025.");
    }

    [Fact]
    public void MoveOut_CurrentYearNotFrozen_Refused()
    {
        var ect2023 = Registered(cohort: 2023)
            .Declared("d-started", DeclarationType.Started, "2023-10-01T10:00:00Z", at: new DateTimeOffset(2023, 10, 2, 9, 0, 0, TimeSpan.Zero))
            .WithDeclarationState("d-started", DeclarationStates.Paid);

        AssertRefused(
            Move(ect2023, "2025", partnerships: PartnershipsIn(2023, 2023, 2025)), ParticipantActionRule.CurrentYearNotFrozen, "contract_year",
            "The participant's contract year 2023 is not frozen for payments.");
    }

    public static TheoryData<string, Func<Person>> NothingBillableToLeave => new()
    {
        { "no declaration", () => Registered(cohort: 2022) },
        { "a submitted one only", () => Paid2022Ect().WithDeclarationState("d-started", DeclarationStates.Submitted) },
        { "a voided one only", () => Paid2022Ect().WithDeclarationState("d-started", DeclarationStates.Voided) },
        { "a clawed-back one only", () => Paid2022Ect().WithDeclarationState("d-started", DeclarationStates.AwaitingClawback) },
    };

    [Theory]
    [MemberData(nameof(NothingBillableToLeave))]
    public void MoveOut_NoBillableDeclarationOtherThanCompleted_Refused(string situation, Func<Person> person)
    {
        AssertRefused(
            Move(person(), "2025"), ParticipantActionRule.NoBillableDeclaration, "declarations",
            "The participant has no billable declaration other than 'completed', so there is nothing to leave in the payments-frozen contract year.");
        Assert.NotEmpty(situation);
    }

    [Theory]
    [InlineData(DeclarationStates.Eligible)]
    [InlineData(DeclarationStates.Payable)]
    [InlineData(DeclarationStates.Paid)]
    public void MoveOut_ABillableCompletedDeclaration_Refused(string state)
    {
        var finished = Paid2022Ect()
            .Declared("d-completed", DeclarationType.Completed, "2024-05-01T10:00:00Z", EvidenceHeldRules.Other, at: new DateTimeOffset(2024, 5, 2, 9, 0, 0, TimeSpan.Zero))
            .WithDeclarationState("d-completed", state);

        AssertRefused(
            Move(finished, "2025"), ParticipantActionRule.CompletedDeclarationBillable, "declarations", "The participant has a billable 'completed' declaration: their training is finished.");
    }

    [Fact]
    public void MoveOut_InductionCompleted_Refused()
    {
        AssertRefused(Move(Paid2022Ect().WithInductionCompleted(), "2025"), ParticipantActionRule.InductionCompleted, "induction", "The participant has completed their induction.");
    }

    [Fact]
    public void MoveOut_SeveralConditionsFailing_EveryOneReported()
    {
        var person = Paid2022Ect().WithDeclarationState("d-started", DeclarationStates.Submitted).WithInductionCompleted();

        var decision = Move(person, "2024", attempt: false);

        Assert.Equal(
            [ParticipantActionRule.MoveNotRequested, ParticipantActionRule.NotActiveRegistrationYear, ParticipantActionRule.NoBillableDeclaration, ParticipantActionRule.InductionCompleted],
            decision.Refusals.Select(r => r.Rule));
    }

    [Fact]
    public void MoveOut_UnknownSchedule_Refused()
    {
        AssertRefused(
            Move(Paid2022Ect(), "2025", schedule: "ecf-standard-march"), ParticipantActionRule.ScheduleInvalid, "schedule_identifier",
            "The property '#/schedule_identifier' must be present and correspond to a valid schedule");
    }

    [Fact]
    public void MoveOut_Accepted_ANewTrainingPeriodInTheActiveYearOnTheExtendedScheduleThroughItsPartnership()
    {
        var person = Paid2022Ect();
        var old = person.Participations[0].TrainingPeriods[0];
        var moveDay = DateOnly.FromDateTime(MoveOutAt.UtcDateTime);

        var decision = Move(person, "2025");

        var participation = decision.Person!.Participations[0];
        Assert.True(participation.CohortChangedAfterPaymentsFrozen);
        Assert.Equal(2, participation.TrainingPeriods.Count);
        Assert.Equal(old with { To = moveDay }, participation.TrainingPeriods[0]);
        var started = participation.TrainingPeriods[1];
        Assert.Equal(
            old with
            {
                Id = started.Id,
                ScheduleIdentifier = "ecf-extended-september",
                ContractYear = 2025,
                PartnershipId = "partnership-2025",
                DeliveryPartnerId = PartnershipPartner,
                From = moveDay,
            },
            started);
        Assert.Equal(2022, started.Cohort);
        Assert.False(started.ReturnedToFrozenYear);
        Assert.Equal(
            [
                new TrainingPeriodFinished(TrainingRecordId, old.Id, moveDay),
                new MovedOutOfFrozenCohort(TrainingRecordId, 2022, 2022, 2022, 2025),
                new TrainingPeriodStarted(TrainingRecordId, started),
            ],
            decision.Events.Select(e => e.Data));
        Assert.All(decision.Events, e => Assert.Equal(ActorTypes.Admin, e.Actor.Type));
        Assert.Equal(person.Participations[0].Declarations, participation.Declarations);
    }

    [Fact]
    public void MoveOut_NoPartnershipInTheActiveYear_KeepsTheCurrentPartnership()
    {
        var decision = Move(Paid2022Ect(), "2025", partnerships: PartnershipsIn(2022, 2022));

        var started = decision.Person!.Participations[0].LatestTrainingPeriod!;
        Assert.Equal((2025, PartnershipId, Partner), (started.ContractYear, started.PartnershipId, started.DeliveryPartnerId));
    }

    [Fact]
    public void MoveOut_AnExplicitSchedule_Honoured()
    {
        var decision = Move(Paid2022Ect(), "2025", schedule: "ecf-standard-september");

        Assert.Equal("ecf-standard-september", decision.Person!.Participations[0].LatestTrainingPeriod!.ScheduleIdentifier);
    }

    // Moving back.
    [Fact]
    public void MoveBack_NotRequested_Refused()
    {
        AssertRefused(
            MoveBack(MovedOutOf2022(), attempt: false), ParticipantActionRule.MoveNotRequested, "attempt_to_transfer_leaving_billable_declarations",
            "Set '#/attempt_to_transfer_leaving_billable_declarations' to true to move a participant between a payments-frozen contract year and the active registration year.");
    }

    [Fact]
    public void MoveBack_NotMarkedAsMovedOut_Refused()
    {
        var notMarked = MovedOutOf2022().WithParticipation(p => p with { CohortChangedAfterPaymentsFrozen = false });

        AssertRefused(
            MoveBack(notMarked), ParticipantActionRule.NotMovedOutOfFrozenYear, "cohort_changed_after_payments_frozen",
            "The participant was not moved out of a payments-frozen contract year ('cohort_changed_after_payments_frozen' is false).");
    }

    [Fact]
    public void MoveBack_ToAYearNotFrozen_Refused()
    {
        // A paid 2024 declaration, as a stored document could hold it, so that only the frozen rule is broken.
        var moved = MovedOutOf2022();
        var paid2024 = moved.Declaration("d-started") with { Id = "d-2024", Cohort = 2024, ContractYear = 2024 };
        var person = moved.WithParticipation(p => p with { Declarations = [.. p.Declarations, paid2024] });

        AssertRefused(
            MoveBack(person, "2024"), ParticipantActionRule.TargetYearNotFrozen, "contract_year",
            "The 2024 contract year is not frozen for payments: a participant moves back only to a payments-frozen year.");
    }

    [Theory]
    [InlineData(DeclarationStates.Submitted)]
    [InlineData(DeclarationStates.Eligible)]
    [InlineData(DeclarationStates.Paid)]
    public void MoveBack_BillableOrChangeableDeclarationsInTheYearLeft_Refused(string state)
    {
        var declared = MovedOutOf2022()
            .Declared(
                "d-retained-1", DeclarationType.Retained1, "2025-09-02T10:00:00Z", EvidenceHeldRules.TrainingEventAttended,
                at: new DateTimeOffset(2025, 9, 2, 12, 0, 0, TimeSpan.Zero))
            .WithDeclarationState("d-retained-1", state);

        AssertRefused(
            MoveBack(declared), ParticipantActionRule.DeclarationsInYearLeft, "declarations",
            "The participant has billable or changeable declarations in the 2025 contract year they would leave. Void them first.");
    }

    [Fact]
    public void MoveBack_OnlyAVoidedDeclarationInTheYearLeft_Accepted()
    {
        var declared = MovedOutOf2022()
            .Declared(
                "d-retained-1", DeclarationType.Retained1, "2025-09-02T10:00:00Z", EvidenceHeldRules.TrainingEventAttended,
                at: new DateTimeOffset(2025, 9, 2, 12, 0, 0, TimeSpan.Zero))
            .Voided("d-retained-1", at: new DateTimeOffset(2025, 9, 3, 12, 0, 0, TimeSpan.Zero));

        Assert.Empty(MoveBack(declared).Refusals);
    }

    [Theory]
    [InlineData(DeclarationStates.Submitted)]
    [InlineData(DeclarationStates.AwaitingClawback)]
    [InlineData(DeclarationStates.Voided)]
    public void MoveBack_NoBillableDeclarationsInTheTargetYear_Refused(string state)
    {
        var person = MovedOutOf2022().WithDeclarationState("d-started", state);

        AssertRefused(
            MoveBack(person), ParticipantActionRule.NoBillableDeclarationInTargetYear, "declarations", "The participant has no billable declarations in the 2022 contract year.");
    }

    [Fact]
    public void MoveBack_Accepted_ANewTrainingPeriodBackInTheFrozenYearOnTheOriginalSchedule()
    {
        var moved = MovedOutOf2022();
        var left = moved.Participations[0].TrainingPeriods[1];

        var decision = MoveBack(moved);

        var participation = decision.Person!.Participations[0];
        Assert.False(participation.CohortChangedAfterPaymentsFrozen);
        Assert.Equal(3, participation.TrainingPeriods.Count);
        Assert.Equal(moved.Participations[0].TrainingPeriods[0], participation.TrainingPeriods[0]);
        Assert.Equal(left with { To = Today }, participation.TrainingPeriods[1]);
        var started = participation.TrainingPeriods[2];
        Assert.Equal(
            left with
            {
                Id = started.Id,
                ScheduleIdentifier = "ecf-standard-september",
                ContractYear = 2022,
                PartnershipId = PartnershipId,
                DeliveryPartnerId = Partner,
                ReturnedToFrozenYear = true,
                From = Today,
            },
            started);
        Assert.Equal(
            [
                new TrainingPeriodFinished(TrainingRecordId, left.Id, Today),
                new MovedBackToFrozenCohort(TrainingRecordId, 2025, 2022),
                new TrainingPeriodStarted(TrainingRecordId, started),
            ],
            decision.Events.Select(e => e.Data));
        Assert.Equal(moved.Participations[0].Declarations, participation.Declarations);
    }

    [Fact]
    public void MoveBack_AnExplicitSchedule_Honoured()
    {
        var decision = MoveBack(MovedOutOf2022(), schedule: "ecf-extended-september");

        Assert.Equal("ecf-extended-september", decision.Person!.Participations[0].LatestTrainingPeriod!.ScheduleIdentifier);
    }

    [Fact]
    public void MoveBack_AnUnknownSchedule_Refused()
    {
        AssertRefused(
            MoveBack(MovedOutOf2022(), schedule: "ecf-standard-march"), ParticipantActionRule.ScheduleInvalid, "schedule_identifier",
            "The property '#/schedule_identifier' must be present and correspond to a valid schedule");
    }
}
