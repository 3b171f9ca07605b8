using Ecf.Domain.Declarations;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;
using static Ecf.Domain.Tests.Declarations.DeclarationFixtures;

namespace Ecf.Domain.Tests.Declarations;

/// <summary>Recording a lead provider's declaration: ECF's rules one by one, with its messages and attributes, and what is recorded.</summary>
public sealed class DeclarationDeciderRecordTests
{
    private static DeclarationDecision Record(Person? person, DeclarationRequest request, DeclarationFacts? facts = null, string id = "declaration-1") =>
        DeclarationDecider.Record(person, request, facts ?? Facts(), ProviderContext, id);

    private static void AssertRefused(DeclarationDecision decision, DeclarationRule rule, string attribute, string message)
    {
        Assert.Equal([new DeclarationRefusal(rule, attribute, message)], decision.Refusals);
        Assert.Empty(decision.Events);
        Assert.Null(decision.Person);
        Assert.Null(decision.Declaration);
    }

    [Theory]
    [InlineData("", "started", "2025-10-01T10:00:00Z", "ecf-induction", DeclarationRule.ParticipantMissing, "participant_id", "Enter a '#/participant_id'.")]
    [InlineData(null, "started", "2025-10-01T10:00:00Z", "ecf-induction", DeclarationRule.ParticipantMissing, "participant_id", "Enter a '#/participant_id'.")]
    [InlineData("person-1", "started", null, "ecf-induction", DeclarationRule.DeclarationDateMissing, "declaration_date", "Enter a '#/declaration_date'.")]
    [InlineData("person-1", "started", "2025-10-01", "ecf-induction", DeclarationRule.DeclarationDateInvalid, "declaration_date", "Enter a valid RCF3339 '#/declaration_date'.")]
    [InlineData("person-1", "started", "2025-10-01 10:00:00", "ecf-induction", DeclarationRule.DeclarationDateInvalid, "declaration_date", "Enter a valid RCF3339 '#/declaration_date'.")]
    [InlineData("person-1", "started", "2025-11-10T12:00:01Z", "ecf-induction", DeclarationRule.DeclarationDateInFuture, "declaration_date", "The '#/declaration_date' value cannot be a future date. Check the date and try again.")]
    [InlineData("person-1", "started", "2025-11-10T12:30:00+00:15", "ecf-induction", DeclarationRule.DeclarationDateInFuture, "declaration_date", "The '#/declaration_date' value cannot be a future date. Check the date and try again.")]
    [InlineData("person-1", " ", "2025-10-01T10:00:00Z", "ecf-induction", DeclarationRule.DeclarationTypeMissing, "declaration_type", "Enter a '#/declaration_type'.")]
    [InlineData("person-1", null, "2025-10-01T10:00:00Z", "ecf-induction", DeclarationRule.DeclarationTypeMissing, "declaration_type", "Enter a '#/declaration_type'.")]
    [InlineData("person-1", "started", "2025-10-01T10:00:00Z", null, DeclarationRule.CourseMissing, "course_identifier", "Enter a '#/course_identifier'.")]
    [InlineData("person-1", "started", "2025-10-01T10:00:00Z", "ecf-mentor", DeclarationRule.CourseNotRecognised, "course_identifier", "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again.")]
    [InlineData("person-1", "started", "2025-10-01T10:00:00Z", "npq-leading-teaching", DeclarationRule.CourseNotRecognised, "course_identifier", "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again.")]
    public void Record_AFieldMissingOrWrong_RefusedWithEcfsMessageOnItsAttribute(
        string? participantId, string? type, string? date, string? course, DeclarationRule rule, string attribute, string message)
    {
        var ect = Registered();

        var decision = Record(ect, new DeclarationRequest(participantId, type, date, course, null));

        AssertRefused(decision, rule, attribute, message);
    }

    [Fact]
    public void Record_EveryFieldMissing_OneRefusalPerAttributeAtOnce()
    {
        var decision = Record(Registered(), new DeclarationRequest(null, null, null, null, null));

        Assert.Equal(
            [DeclarationRule.ParticipantMissing, DeclarationRule.DeclarationDateMissing, DeclarationRule.DeclarationTypeMissing, DeclarationRule.CourseMissing],
            decision.Refusals.Select(r => r.Rule));
        Assert.Equal(["participant_id", "declaration_date", "declaration_type", "course_identifier"], decision.Refusals.Select(r => r.Attribute));
    }

    public static TheoryData<string, Func<Person?>, DeclarationFacts> NotVisible => new()
    {
        { "unknown participant", () => null, Facts() },
        { "trained by another provider", () => Registered(provider: OtherProvider), Facts() },
        { "a mentor trained by another provider", () => Registered(ParticipationTypes.Mentor, provider: OtherProvider), Facts() },
        { "through a challenged partnership", () => Registered(), Facts(challenged: new HashSet<string> { PartnershipId }) },
    };

    [Theory]
    [MemberData(nameof(NotVisible))]
    public void Record_ParticipantTheProviderDoesNotTrain_NotRecognised(string situation, Func<Person?> person, DeclarationFacts facts)
    {
        var decision = Record(person(), new DeclarationRequest("person-1", DeclarationType.Started, "2025-10-01T10:00:00Z", CourseIdentifiers.EcfInduction, null), facts);

        AssertRefused(
            decision, DeclarationRule.ParticipantNotRecognised, "participant_id",
            "Your update cannot be made as the '#/participant_id' is not recognised. Check participant details and try again.");
        Assert.NotEmpty(situation);
    }

    [Theory]
    [InlineData(DeclarationType.Extended1)]
    [InlineData("retained-5")]
    [InlineData("Started")]
    public void Record_TypeNotOnTheSchedule_Refused(string type)
    {
        var ect = Registered();

        var decision = Record(ect, ect.Request(type: type, evidence: EvidenceHeldRules.TrainingEventAttended));

        AssertRefused(decision, DeclarationRule.DeclarationTypeNotOnSchedule, "declaration_type", "The property '#/declaration_type' does not exist for this schedule.");
    }

    [Fact]
    public void Record_ExtendedTypeOnAnExtendedSchedule_Accepted()
    {
        var ect = Registered(schedule: "ecf-extended-september");

        var decision = Record(ect, ect.Request(type: DeclarationType.Extended1, evidence: EvidenceHeldRules.TrainingEventAttended));

        Assert.Empty(decision.Refusals);
    }

    [Theory]
    [InlineData(DeclarationType.Retained1, "2024-12-31T23:59:59Z", DeclarationRule.BeforeMilestoneStart, "Enter a '#/declaration_date' that's on or after the milestone start.")]
    [InlineData(DeclarationType.Retained1, "2025-01-01T00:30:00+01:00", DeclarationRule.BeforeMilestoneStart, "Enter a '#/declaration_date' that's on or after the milestone start.")]
    [InlineData(DeclarationType.Started, "2025-01-01T00:00:00Z", DeclarationRule.AfterMilestoneEnd, "Enter a '#/declaration_date' that's before the milestone end date.")]
    [InlineData(DeclarationType.Retained1, "2025-04-01T09:00:00Z", DeclarationRule.AfterMilestoneEnd, "Enter a '#/declaration_date' that's before the milestone end date.")]
    public void Record_2024StandardScheduleOutsideTheMilestoneWindow_Refused(string type, string date, DeclarationRule rule, string message)
    {
        var ect = Registered(cohort: 2024);

        var decision = Record(ect, ect.Request(type: type, date: date, evidence: EvidenceHeldRules.Other));

        AssertRefused(decision, rule, "declaration_date", message);
    }

    [Theory]
    [InlineData(DeclarationType.Started, "2024-06-01T00:00:00Z")]
    [InlineData(DeclarationType.Started, "2024-12-31T23:59:59Z")]
    [InlineData(DeclarationType.Retained1, "2025-01-01T00:00:00Z")]
    [InlineData(DeclarationType.Retained1, "2025-03-31T23:59:59Z")]
    public void Record_2024StandardScheduleOnTheWindowsEdges_Accepted(string type, string date)
    {
        var ect = Registered(cohort: 2024);

        var decision = Record(ect, ect.Request(type: type, date: date, evidence: EvidenceHeldRules.Other));

        Assert.Empty(decision.Refusals);
        Assert.Equal(DeclarationStates.Submitted, decision.Declaration!.State);
    }

    [Theory]
    [InlineData(DeclarationType.Retained1, "2025-09-30T10:00:00Z", false)]
    [InlineData(DeclarationType.Retained1, "2025-10-01T09:59:59Z", false)]
    [InlineData(DeclarationType.Retained1, "2025-10-01T10:00:00Z", true)]
    [InlineData(DeclarationType.Retained1, "2025-10-20T10:00:00Z", true)]
    [InlineData(DeclarationType.Retained2, "2025-10-09T10:00:00Z", true)]
    [InlineData(DeclarationType.Retained2, "2025-10-21T10:00:00Z", false)]
    public void Record_2025DeclarationsOutOfSequence_Refused(string type, string date, bool accepted)
    {
        // Held: started on 1 October and retained-3 on 20 October.
        var ect = Registered()
            .Declared("d-started", DeclarationType.Started, "2025-10-01T10:00:00Z")
            .Declared("d-retained-3", DeclarationType.Retained3, "2025-10-20T10:00:00Z", EvidenceHeldRules.Other);

        var decision = Record(ect, ect.Request(type: type, date: date, evidence: type == DeclarationType.Retained2 ? EvidenceHeldRules.EngagementMet : EvidenceHeldRules.Other));

        if (accepted)
        {
            Assert.Empty(decision.Refusals);
        }
        else
        {
            AssertRefused(
                decision, DeclarationRule.OutOfSequence, "declaration_date",
                "This '#/declaration_date' is invalid. Check that it is in sequence with existing declaration dates for this participant.");
        }
    }

    [Fact]
    public void Record_2025SequenceAgainstAVoidedDeclaration_NotChecked()
    {
        var ect = Registered().Declared("d-started", DeclarationType.Started, "2025-10-10T10:00:00Z").Voided("d-started");

        var decision = Record(ect, ect.Request(type: DeclarationType.Retained1, date: "2025-10-01T10:00:00Z", evidence: EvidenceHeldRules.Other));

        Assert.Empty(decision.Refusals);
    }

    [Theory]
    [InlineData("2025-10-02T10:00:00Z", false)]
    [InlineData("2025-10-01T09:30:00+01:00", false)]
    [InlineData("2025-10-01T08:29:59Z", true)]
    public void Record_AfterTheWithdrawal_RefusedNamingItInUtc(string date, bool accepted)
    {
        var withdrawn = Registered().WithParticipation(p => p with
        {
            TrainingPeriods = [p.TrainingPeriods[0] with { TrainingStatus = TrainingStatuses.Withdrawn, Withdrawal = new StatusReason("moved-school", new DateTimeOffset(2025, 10, 1, 9, 30, 0, TimeSpan.FromHours(1))) }],
        });

        var decision = Record(withdrawn, withdrawn.Request(date: date));

        if (accepted)
        {
            Assert.Empty(decision.Refusals);
        }
        else
        {
            AssertRefused(
                decision, DeclarationRule.AfterWithdrawal, "participant_id",
                "This participant withdrew from this course on 2025-10-01T08:30:00Z. Enter a '#/declaration_date' that's on or before the withdrawal date.");
        }
    }

    [Theory]
    [InlineData(DeclarationType.Retained1, EvidenceHeldRules.TrainingEventAttended, false)]
    [InlineData(DeclarationType.Extended1, EvidenceHeldRules.TrainingEventAttended, false)]
    [InlineData(DeclarationType.Started, EvidenceHeldRules.TrainingEventAttended, true)]
    [InlineData(DeclarationType.Completed, EvidenceHeldRules.EngagementMet, true)]
    public void Record_2025MentorOtherThanStartedOrCompleted_Refused(string type, string evidence, bool accepted)
    {
        var mentor = Registered(ParticipationTypes.Mentor, schedule: "ecf-extended-september");

        var decision = Record(mentor, mentor.Request(type: type, course: CourseIdentifiers.EcfMentor, evidence: evidence));

        if (accepted)
        {
            Assert.Empty(decision.Refusals);
            return;
        }

        // A mentor's retained and extended types take no evidence either, so that is refused too, on its own attribute.
        Assert.Equal(
            [
                new DeclarationRefusal(
                    DeclarationRule.MentorOnlyStartedOrCompleted, "declaration_type",
                    "You cannot send retained or extended declarations for participants who began their mentor training after June 2025. Resubmit this declaration with either a started or completed declaration."),
                new DeclarationRefusal(DeclarationRule.EvidenceHeldInvalid, "evidence_held", "Enter an available '#/evidence_held' type for this participant's event and course."),
            ],
            decision.Refusals);
    }

    [Fact]
    public void Record_2024MentorRetained_Accepted()
    {
        var mentor = Registered(ParticipationTypes.Mentor, cohort: 2024);

        var decision = Record(mentor, mentor.Request(type: DeclarationType.Retained1, date: "2025-02-01T10:00:00Z", course: CourseIdentifiers.EcfMentor, evidence: EvidenceHeldRules.Other));

        Assert.Empty(decision.Refusals);
    }

    private const string Missing = "missing";
    private const string Invalid = "invalid";

    [Theory]
    [InlineData(ParticipationTypes.Ect, 2024, DeclarationType.Started, "2024-10-01T10:00:00Z", EvidenceHeldRules.TrainingEventAttended, null, null)]
    [InlineData(ParticipationTypes.Ect, 2024, DeclarationType.Started, "2024-10-01T10:00:00Z", "anything at all", null, null)]
    [InlineData(ParticipationTypes.Ect, 2024, DeclarationType.Started, "2024-10-01T10:00:00Z", null, null, null)]
    [InlineData(ParticipationTypes.Ect, 2024, DeclarationType.Retained1, "2025-02-01T10:00:00Z", null, Missing, null)]
    [InlineData(ParticipationTypes.Ect, 2024, DeclarationType.Retained1, "2025-02-01T10:00:00Z", "  ", Missing, null)]
    [InlineData(ParticipationTypes.Ect, 2024, DeclarationType.Retained1, "2025-02-01T10:00:00Z", EvidenceHeldRules.MaterialsEngagedWithOffline, Invalid, null)]
    [InlineData(ParticipationTypes.Ect, 2024, DeclarationType.Retained1, "2025-02-01T10:00:00Z", EvidenceHeldRules.EngagementMet, Invalid, null)]
    [InlineData(ParticipationTypes.Ect, 2024, DeclarationType.Retained1, "2025-02-01T10:00:00Z", "Other", Invalid, null)]
    [InlineData(ParticipationTypes.Ect, 2024, DeclarationType.Retained1, "2025-02-01T10:00:00Z", EvidenceHeldRules.TrainingEventAttended, null, EvidenceHeldRules.TrainingEventAttended)]
    [InlineData(ParticipationTypes.Ect, 2024, DeclarationType.Retained1, "2025-02-01T10:00:00Z", EvidenceHeldRules.SelfStudyMaterialCompleted, null, EvidenceHeldRules.SelfStudyMaterialCompleted)]
    [InlineData(ParticipationTypes.Ect, 2024, DeclarationType.Retained1, "2025-02-01T10:00:00Z", EvidenceHeldRules.Other, null, EvidenceHeldRules.Other)]
    [InlineData(ParticipationTypes.Mentor, 2024, DeclarationType.Retained1, "2025-02-01T10:00:00Z", null, Missing, null)]
    [InlineData(ParticipationTypes.Ect, 2025, DeclarationType.Started, "2025-10-01T10:00:00Z", null, null, null)]
    [InlineData(ParticipationTypes.Ect, 2025, DeclarationType.Started, "2025-10-01T10:00:00Z", EvidenceHeldRules.MaterialsEngagedWithOffline, null, EvidenceHeldRules.MaterialsEngagedWithOffline)]
    [InlineData(ParticipationTypes.Ect, 2025, DeclarationType.Started, "2025-10-01T10:00:00Z", EvidenceHeldRules.EngagementMet, Invalid, null)]
    [InlineData(ParticipationTypes.Ect, 2025, DeclarationType.Retained1, "2025-10-01T10:00:00Z", null, Missing, null)]
    [InlineData(ParticipationTypes.Ect, 2025, DeclarationType.Retained1, "2025-10-01T10:00:00Z", EvidenceHeldRules.MaterialsEngagedWithOffline, null, EvidenceHeldRules.MaterialsEngagedWithOffline)]
    [InlineData(ParticipationTypes.Ect, 2025, DeclarationType.Retained2, "2025-10-01T10:00:00Z", EvidenceHeldRules.TrainingEventAttended, Invalid, null)]
    [InlineData(ParticipationTypes.Ect, 2025, DeclarationType.Retained2, "2025-10-01T10:00:00Z", EvidenceHeldRules.EngagementMet, null, EvidenceHeldRules.EngagementMet)]
    [InlineData(ParticipationTypes.Ect, 2025, DeclarationType.Retained2, "2025-10-01T10:00:00Z", EvidenceHeldRules.EngagementMetReducedInduction, null, EvidenceHeldRules.EngagementMetReducedInduction)]
    [InlineData(ParticipationTypes.Ect, 2025, DeclarationType.Retained2, "2025-10-01T10:00:00Z", null, Missing, null)]
    [InlineData(ParticipationTypes.Ect, 2025, DeclarationType.Completed, "2025-10-01T10:00:00Z", EvidenceHeldRules.OneTermInduction, null, EvidenceHeldRules.OneTermInduction)]
    [InlineData(ParticipationTypes.Ect, 2025, DeclarationType.Completed, "2025-10-01T10:00:00Z", EvidenceHeldRules.Other, Invalid, null)]
    [InlineData(ParticipationTypes.Mentor, 2025, DeclarationType.Started, "2025-10-01T10:00:00Z", EvidenceHeldRules.Other, null, EvidenceHeldRules.Other)]
    [InlineData(ParticipationTypes.Mentor, 2025, DeclarationType.Started, "2025-10-01T10:00:00Z", EvidenceHeldRules.EngagementMet, Invalid, null)]
    [InlineData(ParticipationTypes.Mentor, 2025, DeclarationType.Completed, "2025-10-01T10:00:00Z", EvidenceHeldRules.EngagementMet, null, EvidenceHeldRules.EngagementMet)]
    [InlineData(ParticipationTypes.Mentor, 2025, DeclarationType.Completed, "2025-10-01T10:00:00Z", EvidenceHeldRules.EngagementMetReducedInduction, null, EvidenceHeldRules.EngagementMetReducedInduction)]
    [InlineData(ParticipationTypes.Mentor, 2025, DeclarationType.Completed, "2025-10-01T10:00:00Z", EvidenceHeldRules.OneTermInduction, Invalid, null)]
    [InlineData(ParticipationTypes.Mentor, 2025, DeclarationType.Completed, "2025-10-01T10:00:00Z", EvidenceHeldRules.TrainingEventAttended, Invalid, null)]
    [InlineData(ParticipationTypes.Mentor, 2025, DeclarationType.Completed, "2025-10-01T10:00:00Z", null, Missing, null)]
    public void Record_EvidenceHeld_CheckedByContractYearParticipantAndType(
        string participationType, int cohort, string type, string date, string? evidence, string? refusal, string? stored)
    {
        var person = Registered(participationType, cohort);

        var decision = Record(person, person.Request(type: type, date: date, course: ParticipationTypes.CourseIdentifier(participationType), evidence: evidence));

        switch (refusal)
        {
            case Missing:
                AssertRefused(decision, DeclarationRule.EvidenceHeldMissing, "evidence_held", "Enter a '#/evidence_held' value for this participant.");
                break;
            case Invalid:
                AssertRefused(decision, DeclarationRule.EvidenceHeldInvalid, "evidence_held", "Enter an available '#/evidence_held' type for this participant's event and course.");
                break;
            default:
                Assert.Empty(decision.Refusals);
                Assert.Equal(stored, decision.Declaration!.EvidenceHeld);
                break;
        }
    }

    public static TheoryData<string, Func<Person>, bool> HeldSlots => new()
    {
        { "submitted", () => Registered().Declared("d-1", DeclarationType.Started, "2025-10-01T10:00:00Z"), false },
        { "eligible", () => Registered().WithEligibility(FundingEligibilityStatuses.Eligible, "2025-09-01").Declared("d-1", DeclarationType.Started, "2025-10-01T10:00:00Z"), false },
        { "submitted by another provider", () => MovedToOtherProvider().Declared("d-1", DeclarationType.Started, "2025-10-05T10:00:00Z", provider: OtherProvider), false },
        { "voided", () => Registered().Declared("d-1", DeclarationType.Started, "2025-10-01T10:00:00Z").Voided("d-1"), true },
        { "another type", () => Registered().Declared("d-1", DeclarationType.Retained1, "2025-10-05T10:00:00Z", EvidenceHeldRules.Other), true },
    };

    [Theory]
    [MemberData(nameof(HeldSlots))]
    public void Record_TheSameTypeAgain_RefusedOnBaseWhileTheFirstHoldsTheSlot(string first, Func<Person> person, bool accepted)
    {
        var ect = person();

        var decision = Record(ect, ect.Request(date: "2025-10-02T10:00:00Z"), id: "d-2");

        if (accepted)
        {
            Assert.Empty(decision.Refusals);
            Assert.Equal(DeclarationStates.Submitted, decision.Person!.Declaration("d-2").State);
        }
        else
        {
            AssertRefused(decision, DeclarationRule.AlreadyDeclared, "base", "A declaration has already been submitted that will be, or has been, paid for this event");
        }

        Assert.NotEmpty(first);
    }

    [Theory]
    [InlineData("2025-06-15T22:59:59Z", true)]
    [InlineData("2025-06-15T23:00:00Z", false)]
    [InlineData("2025-11-10T12:00:00Z", false)]
    public void Record_PaymentsOfTheContractYearFrozen_RefusedOnCohort(string now, bool accepted)
    {
        // 2022's payments froze at 2025-06-16T00:00:00+01:00.
        var ect = Registered(cohort: 2022);
        var at = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture);

        var decision = DeclarationDecider.Record(ect, ect.Request(date: "2022-10-01T10:00:00Z"), Facts(now: at), ProviderContext with { At = at }, "d-1");

        if (accepted)
        {
            Assert.Empty(decision.Refusals);
        }
        else
        {
            AssertRefused(
                decision, DeclarationRule.FundingContractEnded, "cohort",
                "You cannot submit or void declarations for the 2022 cohort. The funding contract for this cohort has ended. Get in touch if you need to discuss this with us.");
        }
    }

    [Fact]
    public void Record_EligibleWithNoOutputStatementLeft_RefusedOnCohort()
    {
        var ect = Registered().WithEligibility(FundingEligibilityStatuses.Eligible, "2025-09-01");
        var pastOnly = Calendar.Where(e => e.ContractYear != 2025 || e.DeadlineDate < Today || !e.OutputFee).ToList();

        var decision = Record(ect, ect.Request(), Facts(calendar: pastOnly));

        AssertRefused(
            decision, DeclarationRule.FundingContractEnded, "cohort",
            "You cannot submit or void declarations for the 2025 cohort. The funding contract for this cohort has ended. Get in touch if you need to discuss this with us.");
    }

    [Fact]
    public void Record_ManualCheckWithNoOutputStatementLeft_AcceptedAsSubmitted()
    {
        var ect = Registered();

        var decision = Record(ect, ect.Request(), Facts(calendar: []));

        Assert.Empty(decision.Refusals);
        Assert.Equal((DeclarationStates.Submitted, (string?)null), (decision.Declaration!.State, decision.Declaration.StatementId));
    }

    [Fact]
    public void Record_ManualCheck_SubmittedWithOneEventAndItsHistory()
    {
        var ect = Registered();

        var decision = Record(ect, ect.Request());

        var declaration = decision.Declaration!;
        Assert.Equal((DeclarationStates.Submitted, (string?)null), (declaration.State, declaration.StatementId));
        var recorded = Assert.Single(decision.Events);
        Assert.Equal((PersonEventTypes.DeclarationRecorded, ect.TimelineSequence + 1, TrainingRecordId), (recorded.Type, recorded.Sequence, recorded.TrainingRecordId));
        Assert.Equal(new DateTimeOffset(2025, 10, 1, 0, 0, 0, TimeSpan.Zero), recorded.OccurredAt);
        Assert.Equal([new DeclarationStateChange(null, DeclarationStates.Submitted, Now, "Declared by the lead provider", ProviderContext.Actor)], declaration.History);
        var after = decision.Person!;
        Assert.Equal(declaration, after.Declaration("declaration-1"));
        Assert.Equal(ect.TimelineSequence + 1, after.TimelineSequence);
    }

    [Fact]
    public void Record_EligibleOnItsDate_EligibleOnTheNextOutputStatementWithTwoEvents()
    {
        var ect = Registered().WithEligibility(FundingEligibilityStatuses.Eligible, "2025-09-01");

        var decision = Record(ect, ect.Request());

        Assert.Equal([PersonEventTypes.DeclarationRecorded, PersonEventTypes.DeclarationStateChanged], decision.Events.Select(e => e.Type));
        Assert.Equal([ect.TimelineSequence + 1, ect.TimelineSequence + 2], decision.Events.Select(e => e.Sequence));
        Assert.Equal(DeclarationStates.Submitted, ((DeclarationRecorded)decision.Events[0].Data).Declaration.State);
        var declaration = decision.Declaration!;
        Assert.Equal(DeclarationStates.Eligible, declaration.State);
        Assert.Equal(OutputStatements.StatementId(Provider, new StatementCalendarEntry(2025, 2026, 1, new DateOnly(2025, 12, 31), new DateOnly(2026, 1, 25), true)), declaration.StatementId);
        Assert.Equal(
            [
                new DeclarationStateChange(null, DeclarationStates.Submitted, Now, "Declared by the lead provider", ProviderContext.Actor),
                new DeclarationStateChange(DeclarationStates.Submitted, DeclarationStates.Eligible, Now, DeclarationDecider.EligibleOnDeclarationDate, ProviderContext.Actor),
            ],
            declaration.History);
        Assert.Equal(ect.TimelineSequence + 2, decision.Person!.TimelineSequence);
        var replayed = decision.Events.Aggregate(ect, PersonDecider.Evolve);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(decision.Person), System.Text.Json.JsonSerializer.Serialize(replayed));
    }

    [Theory]
    [InlineData("2025-09-20T10:00:00Z", DeclarationStates.Eligible)]
    [InlineData("2025-10-14T23:59:59Z", DeclarationStates.Eligible)]
    [InlineData("2025-10-15T00:00:00Z", DeclarationStates.Submitted)]
    [InlineData("2025-11-01T10:00:00Z", DeclarationStates.Submitted)]
    public void Record_JudgedByThePeriodCoveringItsDate_NotTheCurrentOne(string date, string state)
    {
        var ect = Registered()
            .WithEligibility(FundingEligibilityStatuses.Eligible, "2025-09-01", at: new DateTimeOffset(2025, 9, 10, 9, 0, 0, TimeSpan.Zero))
            .WithEligibility(FundingEligibilityStatuses.Ineligible, "2025-10-15");

        var decision = Record(ect, ect.Request(date: date));

        Assert.Equal(FundingEligibilityStatuses.Ineligible, decision.Person!.Participations[0].CurrentFundingEligibility!.Status);
        Assert.Equal(state, decision.Declaration!.State);
    }

    [Fact]
    public void Record_CopiesWhatFinanceReadsAsOfTheDeclarationDate()
    {
        // Induction year 2022 (frozen) paid from 2025 on an extended schedule; a mentor change on 1 October.
        var ect = Registered(
                cohort: 2022, contractYear: 2025, schedule: "ecf-extended-september", mentor: new MentorReference("mentor-a", "mentor-a-record"),
                pupilPremium: true, sparsity: true)
            .WithParticipation(p => p with
            {
                MentorshipPeriods =
                [
                    p.MentorshipPeriods[0] with { From = new DateOnly(2025, 9, 1), To = new DateOnly(2025, 10, 1) },
                    new MentorshipPeriod("record-1:mentorship:2", "mentor-b", "mentor-b-record", new DateOnly(2025, 10, 1), null),
                ],
            });
        var facts = Facts(partnershipPartners: new Dictionary<string, Guid?> { [PartnershipId] = PartnershipPartner });
        var request = ect.Request(date: "2025-09-30T23:30:00-01:00") with { EvidenceHeld = EvidenceHeldRules.TrainingEventAttended };

        var decision = DeclarationDecider.Record(ect, request, facts, ProviderContext, "declaration-1", requestHash: "hash-1");

        var declaration = decision.Declaration!;
        Assert.Equal((2022, 2025), (declaration.Cohort, declaration.ContractYear));
        Assert.Equal(PartnershipPartner, declaration.DeliveryPartnerId);
        Assert.Equal("mentor-b", declaration.MentorPersonId); // 00:30 UTC on 1 October
        Assert.Equal((true, true), (declaration.PupilPremiumUplift, declaration.SparsityUplift));
        Assert.Equal(("record-1:training:1", Provider, CourseIdentifiers.EcfInduction, DeclarationType.Started), (declaration.TrainingPeriodId, declaration.LeadProviderId, declaration.CourseIdentifier, declaration.DeclarationType));
        Assert.Equal((new DateTimeOffset(2025, 9, 30, 23, 30, 0, TimeSpan.FromHours(-1)), TimeSpan.FromHours(-1)), (declaration.DeclarationDate, declaration.DeclarationDate.Offset));
        Assert.Equal(new DateOnly(2025, 10, 1), declaration.DeclarationDay);
        Assert.Equal((EvidenceHeldRules.TrainingEventAttended, "hash-1", Now, Now), (declaration.EvidenceHeld, declaration.RequestHash, declaration.CreatedAt, declaration.UpdatedAt));
    }

    [Theory]
    [InlineData("2025-09-30T10:00:00Z", "mentor-a")]
    [InlineData("2025-10-01T10:00:00Z", "mentor-b")]
    [InlineData("2025-11-09T10:00:00Z", null)]
    public void Record_Mentor_TheOneAtTheDeclarationDate(string date, string? mentor)
    {
        var ect = Registered(mentor: new MentorReference("mentor-a", "mentor-a-record")).WithParticipation(p => p with
        {
            MentorshipPeriods =
            [
                p.MentorshipPeriods[0] with { To = new DateOnly(2025, 10, 1) },
                new MentorshipPeriod("record-1:mentorship:2", "mentor-b", "mentor-b-record", new DateOnly(2025, 10, 1), new DateOnly(2025, 11, 1)),
            ],
        });

        var decision = Record(ect, ect.Request(date: date));

        Assert.Equal(mentor, decision.Declaration!.MentorPersonId);
    }

    public static TheoryData<string?, Dictionary<string, Guid?>, Guid> DeliveryPartners => new()
    {
        { PartnershipId, new() { [PartnershipId] = PartnershipPartner }, PartnershipPartner },
        { PartnershipId, new() { [PartnershipId] = null }, Partner },
        { PartnershipId, new() { ["partnership-2"] = PartnershipPartner }, Partner },
        { null, new() { [PartnershipId] = PartnershipPartner }, Partner },
    };

    [Theory]
    [MemberData(nameof(DeliveryPartners))]
    public void Record_DeliveryPartner_ThePartnershipsCurrentOneElseTheTrainingPeriods(string? partnershipId, Dictionary<string, Guid?> current, Guid expected)
    {
        var ect = Registered(partnershipId: partnershipId);

        var decision = Record(ect, ect.Request(), Facts(partnershipPartners: current));

        Assert.Equal(expected, decision.Declaration!.DeliveryPartnerId);
    }

    [Fact]
    public void Record_MentorOnlyPersonDeclaredAsAnEct_CourseNotRecognised()
    {
        var mentor = Registered(ParticipationTypes.Mentor);

        var decision = Record(mentor, mentor.Request(course: CourseIdentifiers.EcfInduction));

        AssertRefused(
            decision, DeclarationRule.CourseNotRecognised, "course_identifier",
            "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again.");
    }

    [Fact]
    public void Record_AfterATransferToAnotherProvider_MadeUnderTheProvidersEarlierTrainingPeriod()
    {
        var moved = MovedToOtherProvider();

        var ours = Record(moved, moved.Request(date: "2025-10-20T10:00:00Z"));
        var theirs = DeclarationDecider.Record(moved, moved.Request(date: "2025-10-20T10:00:00Z"), Facts(provider: OtherProvider), ProviderContext, "d-other");

        Assert.Equal("record-1:training:1", ours.Declaration!.TrainingPeriodId);
        Assert.Equal("record-1:training:2", theirs.Declaration!.TrainingPeriodId);
    }

    /// <summary>An ECT trained by <see cref="Provider"/> until 1 October 2025 and by <see cref="OtherProvider"/> from then on.</summary>
    private static Person MovedToOtherProvider() => Registered().WithParticipation(p => p with
    {
        TrainingPeriods =
        [
            p.TrainingPeriods[0] with { To = new DateOnly(2025, 10, 1) },
            p.TrainingPeriods[0] with { Id = "record-1:training:2", LeadProviderId = OtherProvider, From = new DateOnly(2025, 10, 1), PartnershipId = null },
        ],
    });
}
