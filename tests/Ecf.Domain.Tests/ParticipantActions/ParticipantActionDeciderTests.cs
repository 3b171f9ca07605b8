using Ecf.Domain.Declarations;
using Ecf.Domain.ParticipantActions;
using Ecf.Domain.People;
using static Ecf.Domain.Tests.Declarations.DeclarationFixtures;
using static Ecf.Domain.Tests.ParticipantActions.ParticipantActionFixtures;

namespace Ecf.Domain.Tests.ParticipantActions;

/// <summary>A lead provider's withdraw, defer and resume: ECF's refusals with their attributes and messages, and what each changes.</summary>
public sealed class ParticipantActionDeciderTests
{
    private const string NotRecognised = "Your update cannot be made as the '#/participant_id' is not recognised. Check participant details and try again.";
    private const string CourseNotRecognised = "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again.";

    private static readonly DateTimeOffset ActedAt = new(2025, 10, 15, 9, 30, 0, TimeSpan.Zero);

    public static TheoryData<string, Func<Person?>, string, string?, string?, ParticipantActionFacts, ParticipantActionRule, string, string> Refusals => new()
    {
        { "unknown participant", () => null, "withdraw", CourseIdentifiers.EcfInduction, "moved-school", ActionFacts(ActedAt), ParticipantActionRule.ParticipantNotRecognised, "participant_id", NotRecognised },
        { "another provider's participant", () => Registered(provider: OtherProvider), "defer", CourseIdentifiers.EcfInduction, "bereavement", ActionFacts(ActedAt), ParticipantActionRule.ParticipantNotRecognised, "participant_id", NotRecognised },
        { "through a challenged partnership", () => Registered(), "resume", CourseIdentifiers.EcfInduction, null, ActionFacts(ActedAt, challenged: new HashSet<string> { PartnershipId }), ParticipantActionRule.ParticipantNotRecognised, "participant_id", NotRecognised },
        { "course missing", () => Registered(), "withdraw", null, "moved-school", ActionFacts(ActedAt), ParticipantActionRule.CourseMissing, "course_identifier", "Enter a '#/course_identifier' value for this participant." },
        { "course blank", () => Registered(), "resume", " ", null, ActionFacts(ActedAt), ParticipantActionRule.CourseMissing, "course_identifier", "Enter a '#/course_identifier' value for this participant." },
        { "course unknown", () => Registered(), "withdraw", "ecf-unknown", "moved-school", ActionFacts(ActedAt), ParticipantActionRule.CourseNotRecognised, "course_identifier", CourseNotRecognised },
        { "an NPQ course", () => Registered(), "defer", "npq-leading-teaching", "bereavement", ActionFacts(ActedAt), ParticipantActionRule.CourseNotRecognised, "course_identifier", CourseNotRecognised },
        { "not the person's course", () => Registered(), "withdraw", CourseIdentifiers.EcfMentor, "moved-school", ActionFacts(ActedAt), ParticipantActionRule.CourseNotRecognised, "course_identifier", CourseNotRecognised },
        { "withdrawal reason missing", () => Registered(), "withdraw", CourseIdentifiers.EcfInduction, null, ActionFacts(ActedAt), ParticipantActionRule.ReasonMissing, "reason", "The property '#/reason' must be present" },
        { "deferral reason blank", () => Registered(), "defer", CourseIdentifiers.EcfInduction, " ", ActionFacts(ActedAt), ParticipantActionRule.ReasonMissing, "reason", "The property '#/reason' must be present" },
        { "a deferral reason to withdraw", () => Registered(), "withdraw", CourseIdentifiers.EcfInduction, "bereavement", ActionFacts(ActedAt), ParticipantActionRule.ReasonInvalid, "reason", "The property '#/reason' must be a valid reason" },
        { "the pre-2025 withdrawal reason", () => Registered(), "withdraw", CourseIdentifiers.EcfInduction, "school-left-fip", ActionFacts(ActedAt), ParticipantActionRule.ReasonInvalid, "reason", "The property '#/reason' must be a valid reason" },
        { "a withdrawal reason to defer", () => Registered(), "defer", CourseIdentifiers.EcfInduction, "moved-school", ActionFacts(ActedAt), ParticipantActionRule.ReasonInvalid, "reason", "The property '#/reason' must be a valid reason" },
        { "already withdrawn", () => Registered().Withdrawn(Now.AddDays(-30)), "withdraw", CourseIdentifiers.EcfInduction, "other", ActionFacts(ActedAt), ParticipantActionRule.AlreadyWithdrawn, "participant_profile", "The participant is already withdrawn" },
        { "already deferred", () => Registered().Deferred(Now.AddDays(-30)), "defer", CourseIdentifiers.EcfInduction, "other", ActionFacts(ActedAt), ParticipantActionRule.AlreadyDeferred, "participant_profile", "The participant is already deferred" },
        { "deferring a withdrawn participant", () => Registered().Withdrawn(Now.AddDays(-30)), "defer", CourseIdentifiers.EcfInduction, "other", ActionFacts(ActedAt), ParticipantActionRule.AlreadyWithdrawn, "participant_profile", "The participant is already withdrawn" },
        { "resuming an active participant", () => Registered(), "resume", CourseIdentifiers.EcfInduction, null, ActionFacts(ActedAt), ParticipantActionRule.AlreadyActive, "participant_profile", "The participant is already active" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Action_ARuleBroken_RefusedWithEcfsMessageOnItsAttribute(
        string situation, Func<Person?> person, string action, string? course, string? reason, ParticipantActionFacts facts, ParticipantActionRule rule, string attribute, string message)
    {
        var decision = Act(action, person(), course, reason, facts);

        Assert.Equal([new ParticipantActionRefusal(rule, attribute, message)], decision.Refusals);
        Assert.Empty(decision.Events);
        Assert.Null(decision.Person);
        Assert.NotEmpty(situation);
    }

    [Fact]
    public void Withdraw_EverythingMissing_OneRefusalPerAttribute()
    {
        var decision = ParticipantActionDecider.Withdraw(null, null, null, ActionFacts(ActedAt), ProviderAt(ActedAt));

        Assert.Equal(
            [ParticipantActionRule.ParticipantNotRecognised, ParticipantActionRule.CourseMissing, ParticipantActionRule.ReasonMissing],
            decision.Refusals.Select(r => r.Rule));
    }

    [Fact]
    public void Withdraw_Accepted_TheLatestTrainingPeriodIsWithdrawnWithReasonAndTimeAndOneTimelineEvent()
    {
        var ect = Registered();
        var context = ProviderAt(ActedAt);

        var decision = ParticipantActionDecider.Withdraw(ect, CourseIdentifiers.EcfInduction, "left-teaching-profession", ActionFacts(ActedAt), context);

        Assert.False(decision.Refused);
        var before = ect.Participations[0].TrainingPeriods[0];
        var period = Assert.Single(decision.Person!.Participations[0].TrainingPeriods);
        Assert.Equal(TrainingStatuses.Withdrawn, period.TrainingStatus);
        Assert.Equal(new StatusReason("left-teaching-profession", ActedAt), period.Withdrawal);
        Assert.Null(period.Deferral);
        Assert.Equal(before with { TrainingStatus = TrainingStatuses.Withdrawn, Withdrawal = period.Withdrawal }, period);
        var @event = Assert.Single(decision.Events);
        Assert.Equal(
            new TrainingStatusChanged(TrainingRecordId, before.Id, TrainingStatuses.Active, TrainingStatuses.Withdrawn, "left-teaching-profession"), @event.Data);
        Assert.Equal(PersonEventTypes.TrainingStatusChanged, @event.Type);
        Assert.Equal(context.Actor, @event.Actor);
        Assert.Equal(ActedAt, @event.RecordedAt);
        Assert.Equal(TrainingRecordId, @event.TrainingRecordId);
        Assert.Equal(ect.TimelineSequence + 1, @event.Sequence);
        Assert.Equal(decision.Person.TimelineSequence, @event.Sequence);
        Assert.Equal(TrainingStatuses.Withdrawn, decision.Person.Participations[0].Statuses.TrainingStatus);
        Assert.Equal(ParticipantStatuses.Withdrawn, decision.Person.Participations[0].Statuses.ParticipantStatus);
    }

    [Fact]
    public void Defer_Accepted_TheLatestTrainingPeriodIsDeferredWithReasonAndTime()
    {
        var ect = Registered();

        var decision = ParticipantActionDecider.Defer(ect, CourseIdentifiers.EcfInduction, "career-break", ActionFacts(ActedAt), ProviderAt(ActedAt));

        var period = Assert.Single(decision.Person!.Participations[0].TrainingPeriods);
        Assert.Equal(TrainingStatuses.Deferred, period.TrainingStatus);
        Assert.Equal(new StatusReason("career-break", ActedAt), period.Deferral);
        Assert.Null(period.Withdrawal);
        Assert.Equal(
            new TrainingStatusChanged(TrainingRecordId, period.Id, TrainingStatuses.Active, TrainingStatuses.Deferred, "career-break"), Assert.Single(decision.Events).Data);
        Assert.Equal(TrainingStatuses.Deferred, decision.Person.Participations[0].Statuses.TrainingStatus);
        Assert.Equal(ParticipantStatuses.Active, decision.Person.Participations[0].Statuses.ParticipantStatus);
    }

    [Fact]
    public void Withdraw_ADeferredParticipant_Accepted()
    {
        var deferred = Registered().Deferred(Now.AddDays(-30));

        var decision = ParticipantActionDecider.Withdraw(deferred, CourseIdentifiers.EcfInduction, "other", ActionFacts(ActedAt), ProviderAt(ActedAt));

        Assert.Equal(
            new TrainingStatusChanged(TrainingRecordId, deferred.Participations[0].TrainingPeriods[0].Id, TrainingStatuses.Deferred, TrainingStatuses.Withdrawn, "other"),
            Assert.Single(decision.Events).Data);
        Assert.Equal(TrainingStatuses.Withdrawn, decision.Person!.Participations[0].Statuses.TrainingStatus);
    }

    public static TheoryData<string, Func<Person>> Stopped => new()
    {
        { TrainingStatuses.Withdrawn, () => Registered().Withdrawn(new DateTimeOffset(2025, 10, 1, 9, 0, 0, TimeSpan.Zero)) },
        { TrainingStatuses.Deferred, () => Registered().Deferred(new DateTimeOffset(2025, 10, 1, 9, 0, 0, TimeSpan.Zero)) },
    };

    [Theory]
    [MemberData(nameof(Stopped))]
    public void Resume_AWithdrawnOrDeferredParticipant_ActiveAgainWithoutAReason(string from, Func<Person> stopped)
    {
        var person = stopped();

        var decision = ParticipantActionDecider.Resume(person, CourseIdentifiers.EcfInduction, ActionFacts(ActedAt), ProviderAt(ActedAt));

        var period = Assert.Single(decision.Person!.Participations[0].TrainingPeriods);
        Assert.Equal(TrainingStatuses.Active, period.TrainingStatus);
        Assert.Equal(new TrainingStatusChanged(TrainingRecordId, period.Id, from, TrainingStatuses.Active, null), Assert.Single(decision.Events).Data);
        Assert.Equal(TrainingStatuses.Active, decision.Person.Participations[0].Statuses.TrainingStatus);
        Assert.Equal(ParticipantStatuses.Active, decision.Person.Participations[0].Statuses.ParticipantStatus);
    }

    [Fact]
    public void Withdraw_AfterAScheduleChange_OnlyTheLatestTrainingPeriodChanges()
    {
        var changed = ParticipantActionDecider.ChangeSchedule(
            Registered(cohort: 2024), new ChangeScheduleRequest("ecf-extended-september", CourseIdentifiers.EcfInduction, null), ActionFacts(partnerships: PartnershipsIn(2024, 2024)),
            ProviderAt(Now)).Person!;

        var decision = ParticipantActionDecider.Withdraw(changed, CourseIdentifiers.EcfInduction, "moved-school", ActionFacts(Now.AddHours(1)), ProviderAt(Now.AddHours(1)));

        var periods = decision.Person!.Participations[0].TrainingPeriods;
        Assert.Equal(2, periods.Count);
        Assert.Equal(changed.Participations[0].TrainingPeriods[0], periods[0]);
        Assert.Equal(TrainingStatuses.Withdrawn, periods[1].TrainingStatus);
        Assert.Equal(periods[1].Id, ((TrainingStatusChanged)Assert.Single(decision.Events).Data).PeriodId);
    }

    [Fact]
    public void Withdraw_TheMentorByItsProvider_LeavesTheSamePersonsEctWithAnotherProviderUntouched()
    {
        var person = Registered().AlsoMentor(OtherProvider);

        var decision = ParticipantActionDecider.Withdraw(person, CourseIdentifiers.EcfMentor, "mentor-no-longer-being-mentor", ActionFacts(ActedAt, OtherProvider), ProviderAt(ActedAt, OtherProvider));

        Assert.Equal(person.FindParticipationById(TrainingRecordId), decision.Person!.FindParticipationById(TrainingRecordId));
        var mentor = decision.Person.FindParticipationById(MentorRecordId)!;
        Assert.Equal(TrainingStatuses.Withdrawn, mentor.LatestTrainingPeriod!.TrainingStatus);
        Assert.Equal(TrainingStatuses.Withdrawn, mentor.Statuses.TrainingStatus);
        Assert.Equal(MentorRecordId, Assert.Single(decision.Events).TrainingRecordId);
    }

    [Fact]
    public void Withdraw_TheEctByItsProvider_LeavesTheSamePersonsMentorWithAnotherProviderUntouched()
    {
        var person = Registered().AlsoMentor(OtherProvider);

        var decision = ParticipantActionDecider.Withdraw(person, CourseIdentifiers.EcfInduction, "moved-school", ActionFacts(ActedAt), ProviderAt(ActedAt));

        Assert.Equal(person.FindParticipationById(MentorRecordId), decision.Person!.FindParticipationById(MentorRecordId));
        Assert.Equal(TrainingStatuses.Withdrawn, decision.Person.FindParticipationById(TrainingRecordId)!.LatestTrainingPeriod!.TrainingStatus);
    }

    [Fact]
    public void Withdraw_TheOtherProvidersMentorCourse_NotRecognisedForTheProvider()
    {
        var person = Registered().AlsoMentor(OtherProvider);

        var decision = ParticipantActionDecider.Withdraw(person, CourseIdentifiers.EcfMentor, "moved-school", ActionFacts(ActedAt), ProviderAt(ActedAt));

        Assert.Equal([new ParticipantActionRefusal(ParticipantActionRule.CourseNotRecognised, "course_identifier", CourseNotRecognised)], decision.Refusals);
    }

    private static ParticipantActionDecision Act(string action, Person? person, string? course, string? reason, ParticipantActionFacts facts)
    {
        var context = ProviderAt(facts.Now, facts.LeadProviderId);
        return action switch
        {
            "withdraw" => ParticipantActionDecider.Withdraw(person, course, reason, facts, context),
            "defer" => ParticipantActionDecider.Defer(person, course, reason, facts, context),
            _ => ParticipantActionDecider.Resume(person, course, facts, context),
        };
    }
}
