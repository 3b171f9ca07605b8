using Ecf.Domain.People;
using Ecf.TestKit;

namespace Ecf.Application.Tests.People;

/// <summary>Date-driven statuses (docs/domain.md#statuses): the next change date stored on the person, and the daily refresh decision.</summary>
public sealed class StatusRefreshDeciderTests
{
    private static readonly Guid Provider = Guid.Parse("00000000-0000-0000-0000-0000000000a1");

    [Fact]
    public void NextChangeOn_JoiningLeavingAndSettled_IsTheStartTheEndOrNone()
    {
        var joining = Joining(new DateOnly(2025, 9, 1), asOf: new DateOnly(2025, 8, 20));
        var leaving = Leaving(new DateOnly(2025, 12, 20), asOf: new DateOnly(2025, 10, 15));
        var settled = Joining(new DateOnly(2025, 9, 1), asOf: new DateOnly(2025, 9, 1));

        Assert.Equal(
            (new DateOnly(2025, 9, 1), new DateOnly(2025, 12, 20), (DateOnly?)null),
            (ParticipationStatusRules.NextChangeOn(joining), ParticipationStatusRules.NextChangeOn(leaving), ParticipationStatusRules.NextChangeOn(settled)));
    }

    [Fact]
    public void Decide_JoiningBeforeItsStartDate_DecidesNothing()
    {
        var person = Person(Joining(new DateOnly(2025, 9, 1), asOf: new DateOnly(2025, 8, 20)));

        var decision = StatusRefreshDecider.Decide(person, Context(new DateOnly(2025, 8, 31)));

        Assert.False(decision.Changed);
    }

    [Fact]
    public void Decide_JoiningOnItsStartDate_BecomesActiveWithOneEvent()
    {
        var person = Person(Joining(new DateOnly(2025, 9, 1), asOf: new DateOnly(2025, 8, 20)));

        var decision = StatusRefreshDecider.Decide(person, Context(new DateOnly(2025, 9, 1)));

        var @event = Assert.Single(decision.Events);
        Assert.Equal((PersonEventTypes.StatusesRefreshed, person.TimelineSequence + 1), (@event.Type, @event.Sequence));
        Assert.Equal(ParticipantStatuses.Active, decision.Person.Participations[0].Statuses.ParticipantStatus);
        Assert.Null(decision.Person.NextStatusChangeOn);
        Assert.False(StatusRefreshDecider.Decide(decision.Person, Context(new DateOnly(2025, 9, 1))).Changed);
    }

    [Fact]
    public void Decide_LeavingOnItsEndDate_BecomesLeft()
    {
        var person = Person(Leaving(new DateOnly(2025, 12, 20), asOf: new DateOnly(2025, 10, 15)));

        var decision = StatusRefreshDecider.Decide(person, Context(new DateOnly(2025, 12, 20)));

        Assert.Equal(ParticipantStatuses.Left, decision.Person.Participations[0].Statuses.ParticipantStatus);
        Assert.Contains(decision.Events[0].Changes, c => c.From == ParticipantStatuses.Leaving && c.To == ParticipantStatuses.Left);
    }

    [Fact]
    public void Evolve_TransferRegisteredAhead_StoresTheJoiningDateAsNextChange()
    {
        var record = "r1";
        var before = Person(Joining(new DateOnly(2025, 9, 1), asOf: new DateOnly(2025, 9, 1)) with { TrainingRecordId = record });
        var context = new PersonChangeContext(new DateTimeOffset(2025, 10, 15, 9, 0, 0, TimeSpan.Zero), new Actor(ActorTypes.SchoolService, "t"), "c");
        var placement = new TrainingPlacement(TrainingProgrammes.ProviderLed, 2025, 2025, "ecf-standard-september", Provider, null, null);
        var command = new RegisterParticipant(before.PersonId, record, "1234567", "Ada Lovelace", null, "ada@example.org", ParticipationTypes.Ect, "school-2", 100002, new DateOnly(2026, 1, 5), null, placement, null);

        var decision = PersonDecider.Decide(before, command, context);

        Assert.Equal(RegistrationOutcome.Transferred, decision.Outcome);
        Assert.Equal(new DateOnly(2026, 1, 5), decision.Person!.NextStatusChangeOn);
        Assert.Equal(ParticipantStatuses.Joining, decision.Person.Participations[0].Statuses.ParticipantStatus);
    }

    private static PersonChangeContext Context(DateOnly day) =>
        new(new DateTimeOffset(day.ToDateTime(new TimeOnly(0, 30)), TimeSpan.Zero), new Actor(ActorTypes.System, "ParticipantStatusRefresh"), "run", "Daily status refresh");

    private static Person Person(Participation participation)
    {
        var person = TestPeople.Ect(Provider);
        person = person with { Participations = [participation] };
        return person with { NextStatusChangeOn = ParticipationStatusRules.NextChangeOn(person) };
    }

    private static Participation Joining(DateOnly from, DateOnly asOf)
    {
        var participation = TestPeople.Ect(Provider).Participations[0];
        var participationFrom = participation with
        {
            AtSchoolPeriods = [participation.AtSchoolPeriods[0] with { From = from }],
            TrainingPeriods = [participation.TrainingPeriods[0] with { From = from }],
        };
        return participationFrom with { Statuses = ParticipationStatusRules.Compute(participationFrom, asOf) };
    }

    private static Participation Leaving(DateOnly to, DateOnly asOf)
    {
        var participation = Joining(new DateOnly(2025, 9, 1), asOf);
        var closed = participation with
        {
            AtSchoolPeriods = [participation.AtSchoolPeriods[0] with { To = to }],
            TrainingPeriods = [participation.TrainingPeriods[0] with { To = to }],
        };
        return closed with { Statuses = ParticipationStatusRules.Compute(closed, asOf) };
    }
}
