using Ecf.Domain.Declarations;
using Ecf.Domain.ParticipantActions;
using Ecf.Domain.Partnerships;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;
using static Ecf.Domain.Tests.Declarations.DeclarationFixtures;
using static Ecf.Domain.Tests.ParticipantActions.ParticipantActionFixtures;

namespace Ecf.Domain.Tests.ParticipantActions;

/// <summary>
/// A lead provider's change of schedule, on 10 November 2025: every rule of ECF's <c>ChangeSchedule</c> broken alone, with its
/// attribute and message, and the training period that follows an accepted change.
/// </summary>
public sealed class ChangeScheduleTests
{
    private const string ScheduleInvalid = "The property '#/schedule_identifier' must be present and correspond to a valid schedule";
    private const string InvalidatesDeclarations = "Changing schedule would invalidate existing declarations. Please void them first.";

    /// <summary>A 2024 ECT on <c>ecf-standard-september</c> through the registration's partnership, with no declarations.</summary>
    private static Person Ect2024() => Registered(cohort: 2024);

    private static ParticipantActionDecision Change(
        Person? person, string? schedule, string? cohort = null, IReadOnlyDictionary<int, Partnership>? partnerships = null, bool attemptToTransfer = false) =>
        ParticipantActionDecider.ChangeSchedule(
            person, new ChangeScheduleRequest(schedule, CourseIdentifiers.EcfInduction, cohort, attemptToTransfer),
            ActionFacts(partnerships: partnerships ?? PartnershipsIn(2024, 2024, 2025)), ProviderAt(Now));

    private static void AssertRefused(ParticipantActionDecision decision, ParticipantActionRule rule, string attribute, string message)
    {
        Assert.Equal([new ParticipantActionRefusal(rule, attribute, message)], decision.Refusals);
        Assert.Empty(decision.Events);
        Assert.Null(decision.Person);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void ChangeSchedule_ScheduleMissing_Refused(string? schedule)
    {
        AssertRefused(Change(Ect2024(), schedule), ParticipantActionRule.ScheduleInvalid, "schedule_identifier", ScheduleInvalid);
    }

    [Theory]
    [InlineData("ecf-standard-march")]
    [InlineData("ECF-STANDARD-JANUARY")]
    public void ChangeSchedule_ScheduleUnknownForTheYear_Refused(string schedule)
    {
        AssertRefused(Change(Ect2024(), schedule), ParticipantActionRule.ScheduleInvalid, "schedule_identifier", ScheduleInvalid);
    }

    [Fact]
    public void ChangeSchedule_ScheduleOfAnotherYearOnly_Refused()
    {
        // ecf-standard-january is a 2024 and a 2025 schedule in the fixtures, not a 2023 one.
        var ect2023 = Registered(cohort: 2023);

        AssertRefused(Change(ect2023, "ecf-standard-january", partnerships: PartnershipsIn(2023, 2023)), ParticipantActionRule.ScheduleInvalid, "schedule_identifier", ScheduleInvalid);
    }

    [Fact]
    public void ChangeSchedule_AnNpqSchedule_NotValidForTheCourse()
    {
        AssertRefused(
            Change(Ect2024(), "npq-leadership-autumn"), ParticipantActionRule.ScheduleInvalidForCourse, "schedule_identifier", "Selected schedule is not valid for the course");
    }

    [Theory]
    [InlineData("2030")]
    [InlineData("2020")]
    [InlineData("abc")]
    [InlineData("+2025")]
    public void ChangeSchedule_CohortNotAKnownYear_Refused(string cohort)
    {
        AssertRefused(
            Change(Ect2024(), "ecf-standard-september", cohort), ParticipantActionRule.CohortInvalid, "cohort",
            "The '#/cohort' you have entered is invalid. Check cohort details and try again.");
    }

    [Fact]
    public void ChangeSchedule_WithdrawnParticipant_Refused()
    {
        var withdrawn = Ect2024().Withdrawn(Now.AddDays(-1));

        AssertRefused(
            Change(withdrawn, "ecf-extended-september"), ParticipantActionRule.WithdrawnParticipant, "participant_id", "Cannot perform actions on a withdrawn participant");
    }

    [Fact]
    public void ChangeSchedule_ADeclarationOutsideTheNewMilestoneWindow_InvalidatesDeclarations()
    {
        // started on 1 October 2024; ecf-standard-january's started window opens on 1 January 2025.
        var ect = Ect2024().Declared("d-started", DeclarationType.Started, "2024-10-01T10:00:00Z", at: new DateTimeOffset(2024, 10, 2, 9, 0, 0, TimeSpan.Zero));

        AssertRefused(Change(ect, "ecf-standard-january"), ParticipantActionRule.ScheduleInvalidatesDeclarations, "schedule_identifier", InvalidatesDeclarations);
    }

    [Theory]
    [InlineData(DeclarationStates.Submitted)]
    [InlineData(DeclarationStates.Eligible)]
    [InlineData(DeclarationStates.Paid)]
    public void ChangeSchedule_ADeclarationHoldingItsSlot_IsChecked(string state)
    {
        var ect = Ect2024()
            .Declared("d-started", DeclarationType.Started, "2024-10-01T10:00:00Z", at: new DateTimeOffset(2024, 10, 2, 9, 0, 0, TimeSpan.Zero))
            .WithDeclarationState("d-started", state);

        AssertRefused(Change(ect, "ecf-standard-january"), ParticipantActionRule.ScheduleInvalidatesDeclarations, "schedule_identifier", InvalidatesDeclarations);
    }

    [Fact]
    public void ChangeSchedule_AVoidedDeclarationOutsideTheWindow_IsNotChecked()
    {
        var ect = Ect2024()
            .Declared("d-started", DeclarationType.Started, "2024-10-01T10:00:00Z", at: new DateTimeOffset(2024, 10, 2, 9, 0, 0, TimeSpan.Zero))
            .Voided("d-started");

        Assert.Empty(Change(ect, "ecf-standard-january").Refusals);
    }

    [Theory]
    [InlineData("2024-09-01T00:00:00Z", false)]
    [InlineData("2024-09-01T00:00:01Z", true)]
    public void ChangeSchedule_ADeclarationAtExactlyMidnightOnTheMilestoneStart_DoesNotFit(string date, bool fits)
    {
        // ecf-extended-september 2024 starts every milestone on 1 September 2024.
        var ect = Ect2024().Declared("d-started", DeclarationType.Started, date, at: new DateTimeOffset(2024, 9, 2, 9, 0, 0, TimeSpan.Zero));

        var decision = Change(ect, "ecf-extended-september");

        if (fits)
        {
            Assert.Empty(decision.Refusals);
        }
        else
        {
            AssertRefused(decision, ParticipantActionRule.ScheduleInvalidatesDeclarations, "schedule_identifier", InvalidatesDeclarations);
        }
    }

    [Theory]
    [InlineData("2024-12-31T23:59:59Z", true)]
    [InlineData("2025-01-01T00:00:00Z", false)]
    public void ChangeSchedule_ADeclarationOnTheCutOffDay_FitsUntilItsEnd(string date, bool fits)
    {
        // From ecf-extended-september (no cut-off) to ecf-standard-september, whose started cut-off is 31 December 2024.
        var ect = Registered(cohort: 2024, schedule: "ecf-extended-september")
            .Declared("d-started", DeclarationType.Started, date, at: new DateTimeOffset(2025, 1, 2, 9, 0, 0, TimeSpan.Zero));

        var decision = Change(ect, "ecf-standard-september");

        if (fits)
        {
            Assert.Empty(decision.Refusals);
        }
        else
        {
            AssertRefused(decision, ParticipantActionRule.ScheduleInvalidatesDeclarations, "schedule_identifier", InvalidatesDeclarations);
        }
    }

    [Fact]
    public void ChangeSchedule_MovedOutOfAFrozenYear_ItsDeclarationsThereAreNotChecked()
    {
        // The paid started declaration of October 2022 is in frozen 2022; ecf-standard-january 2025 starts in January 2026.
        var moved = MovedOutOf2022();

        var decision = Change(moved, "ecf-standard-january", partnerships: PartnershipsIn(2022, 2025));

        Assert.Empty(decision.Refusals);
        Assert.Equal("ecf-standard-january", decision.Person!.Participations[0].LatestTrainingPeriod!.ScheduleIdentifier);
    }

    [Fact]
    public void ChangeSchedule_NotMarkedAsMovedOutOfAFrozenYear_ItsFrozenYearDeclarationsAreChecked()
    {
        var notMarked = MovedOutOf2022().WithParticipation(p => p with { CohortChangedAfterPaymentsFrozen = false });

        AssertRefused(
            Change(notMarked, "ecf-standard-january", partnerships: PartnershipsIn(2022, 2025)),
            ParticipantActionRule.ScheduleInvalidatesDeclarations, "schedule_identifier", InvalidatesDeclarations);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2024")]
    public void ChangeSchedule_TheSameSchedule_AlreadyOnTheProfile(string? cohort)
    {
        AssertRefused(
            Change(Ect2024(), "ecf-standard-september", cohort), ParticipantActionRule.ScheduleAlreadyOnProfile, "schedule_identifier", "Selected schedule is already on the profile");
    }

    [Fact]
    public void ChangeSchedule_CohortChangeWithDeclarations_Refused()
    {
        // retained-2 of 15 June 2025 fits 2025's ecf-standard-september (from 1 June 2025): only the cohort rule is broken.
        var ect = Ect2024().Declared(
            "d-retained-2", DeclarationType.Retained2, "2025-06-15T10:00:00Z", EvidenceHeldRules.Other, at: new DateTimeOffset(2025, 6, 16, 9, 0, 0, TimeSpan.Zero));

        AssertRefused(Change(ect, "ecf-standard-september", "2025"), ParticipantActionRule.CannotChangeCohort, "cohort", "You cannot change the '#/cohort' field");
    }

    [Fact]
    public void ChangeSchedule_NoPartnershipInTheTargetYear_Refused()
    {
        AssertRefused(
            Change(Ect2024(), "ecf-standard-september", "2025", PartnershipsIn(2024, 2024)), ParticipantActionRule.NoPartnershipForCohort, "cohort",
            "You cannot change a participant to this cohort as you do not have a partnership with the school for the cohort. Contact the DfE for assistance.");
    }

    [Fact]
    public void ChangeSchedule_AttemptToTransferLeavingBillableDeclarations_NotOpenToProviders()
    {
        AssertRefused(
            Change(Ect2024(), "ecf-extended-september", attemptToTransfer: true), ParticipantActionRule.FrozenTransferNotOpenToProviders,
            "attempt_to_transfer_leaving_billable_declarations",
            "Moving a participant out of a payments-frozen cohort while leaving their billable declarations there is not open to lead providers. Contact the DfE if a participant needs to move.");
    }

    [Fact]
    public void ChangeSchedule_SameYear_TheTrainingPeriodIsClosedTodayAndANewOneStartsWithTheNewSchedule()
    {
        var ect = Ect2024();
        var old = ect.Participations[0].TrainingPeriods[0];

        var decision = Change(ect, "ecf-extended-september");

        var periods = decision.Person!.Participations[0].TrainingPeriods;
        Assert.Equal(2, periods.Count);
        Assert.Equal(old with { To = Today }, periods[0]);
        var started = periods[1];
        Assert.NotEqual(old.Id, started.Id);
        Assert.Equal(old with { Id = started.Id, ScheduleIdentifier = "ecf-extended-september", From = Today }, started);
        Assert.Equal((2024, 2024, PartnershipId, Partner), (started.Cohort, started.ContractYear, started.PartnershipId, started.DeliveryPartnerId));
        Assert.Equal(
            [new TrainingPeriodFinished(TrainingRecordId, old.Id, Today), new TrainingPeriodStarted(TrainingRecordId, started)],
            decision.Events.Select(e => e.Data));
    }

    [Fact]
    public void ChangeSchedule_CohortChangeWithoutDeclarations_CohortAndContractYearAreTheTargetThroughItsPartnership()
    {
        var decision = Change(Ect2024(), "ecf-standard-september", "2025");

        var started = decision.Person!.Participations[0].LatestTrainingPeriod!;
        Assert.Equal(
            ("ecf-standard-september", 2025, 2025, "partnership-2025", PartnershipPartner, Today),
            (started.ScheduleIdentifier, started.Cohort, started.ContractYear, started.PartnershipId, started.DeliveryPartnerId, started.From));
        Assert.Equal(Today, decision.Person.Participations[0].TrainingPeriods[0].To);
    }

    [Fact]
    public void ChangeSchedule_DeferredParticipant_KeepsItsDeferralOnTheNewPeriod()
    {
        var deferredAt = Now.AddDays(-10);
        var deferred = Ect2024().Deferred(deferredAt, "long-term-sickness");

        var decision = Change(deferred, "ecf-extended-september");

        var started = decision.Person!.Participations[0].LatestTrainingPeriod!;
        Assert.Equal(TrainingStatuses.Deferred, started.TrainingStatus);
        Assert.Equal(new StatusReason("long-term-sickness", deferredAt), started.Deferral);
        Assert.Equal(TrainingStatuses.Deferred, decision.Person.Participations[0].Statuses.TrainingStatus);
    }

    [Fact]
    public void FitsMilestone_ATypeTheScheduleLacks_DoesNotFit()
    {
        var ect = Registered(cohort: 2024, schedule: "ecf-extended-september")
            .Declared("d-extended-1", DeclarationType.Extended1, "2024-10-01T10:00:00Z", EvidenceHeldRules.Other, at: new DateTimeOffset(2024, 10, 2, 9, 0, 0, TimeSpan.Zero));
        var standard = Schedules.Single(s => s.ContractYear == 2024 && s.Identifier == "ecf-standard-september");

        Assert.False(ParticipantActionDecider.FitsMilestone(ect.Declaration("d-extended-1"), standard));
    }
}
