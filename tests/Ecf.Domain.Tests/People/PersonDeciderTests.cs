using Ecf.Domain.People;

namespace Ecf.Domain.Tests.People;

/// <summary>The person decider, pure: no store, no mocks.</summary>
public sealed class PersonDeciderTests
{
    private static readonly DateTimeOffset Now = new(2025, 10, 15, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonChangeContext Context = new(Now, new Actor(ActorTypes.SchoolService, "token-1"), "corr-1", "test");
    private static readonly Guid Provider = Guid.Parse("1e2053e1-9246-586b-80f3-562c15b8ca83");

    [Fact]
    public void Decide_NewPerson_CreatesOneOpenPeriodOfEachKindWithOrderedEvents()
    {
        var decision = PersonDecider.Decide(null, Ect("school-a", 100001), Context);

        Assert.Equal(RegistrationOutcome.Created, decision.Outcome);
        var person = decision.Person!;
        var ect = Assert.Single(person.Participations);
        Assert.Equal("trn-record-1", ect.TrainingRecordId);
        Assert.Single(ect.AtSchoolPeriods, p => p.To is null && p.SchoolId == "school-a");
        var training = Assert.Single(ect.TrainingPeriods);
        Assert.Equal((2025, 2025, "ecf-standard-september"), (training.Cohort, training.ContractYear, training.ScheduleIdentifier));
        Assert.Single(ect.InductionPeriods);
        Assert.Equal(FundingEligibilityStatuses.ManualCheck, Assert.Single(ect.FundingEligibility).Status);
        Assert.Equal(new ParticipationStatuses(TrainingStatuses.Active, ParticipantStatuses.Active, null, DateOnly.FromDateTime(Now.UtcDateTime)), ect.Statuses);
        Assert.Equal("ada@example.org", person.CurrentEmail!.Address);
        Assert.Equal(Enumerable.Range(1, decision.Events.Count), decision.Events.Select(e => e.Sequence));
        Assert.Equal(PersonEventTypes.PersonCreated, decision.Events[0].Type);
        Assert.All(decision.Events, e => Assert.Equal(("corr-1", "token-1", Now), (e.CorrelationId, e.Actor.Id, e.RecordedAt)));
        Assert.Equal(decision.Events.Count, person.TimelineSequence);
    }

    [Fact]
    public void Evolve_AllEventsOfADecision_RebuildsTheSamePerson()
    {
        var decision = PersonDecider.Decide(null, Ect("school-a", 100001), Context);

        var rebuilt = decision.Events.Aggregate((Person?)null, PersonDecider.Evolve);

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(decision.Person), System.Text.Json.JsonSerializer.Serialize(rebuilt));
    }

    [Fact]
    public void Decide_SameSchoolAgain_IsUnchangedWithNoEvents()
    {
        var first = PersonDecider.Decide(null, Ect("school-a", 100001), Context).Person;

        var again = PersonDecider.Decide(first, Ect("school-a", 100001) with { TrainingRecordId = "other" }, Context);

        Assert.Equal(RegistrationOutcome.Unchanged, again.Outcome);
        Assert.Empty(again.Events);
        Assert.Equal("trn-record-1", again.TrainingRecordId);
    }

    [Fact]
    public void Decide_OtherSchool_ClosesOpenPeriodsAndOpensNewOnesInTheSameParticipation()
    {
        var first = PersonDecider.Decide(null, Ect("school-a", 100001), Context).Person;
        var later = Context with { At = Now.AddDays(30) };

        var transfer = PersonDecider.Decide(first, Ect("school-b", 100002) with { StartsOn = new DateOnly(2025, 11, 14) }, later);

        Assert.Equal(RegistrationOutcome.Transferred, transfer.Outcome);
        var ect = Assert.Single(transfer.Person!.Participations);
        Assert.Equal([new DateOnly(2025, 11, 14), null], ect.AtSchoolPeriods.Select(p => p.To));
        Assert.Equal(["school-a", "school-b"], ect.AtSchoolPeriods.Select(p => p.SchoolId));
        Assert.Equal(2, ect.TrainingPeriods.Count);
        Assert.Single(ect.TrainingPeriods, p => p.To is null);
        Assert.Equal(ect.AtSchoolPeriods[1].Id, ect.OpenTrainingPeriod!.AtSchoolPeriodId);
        Assert.Contains(transfer.Events, e => e.Type == PersonEventTypes.SchoolPeriodFinished);
        Assert.Contains(transfer.Events, e => e.Type == PersonEventTypes.SchoolPeriodStarted);
        Assert.Empty(PersonInvariants.Violations(transfer.Person));
    }

    [Fact]
    public void Decide_StoredPersonWithTwoOpenSchoolPeriods_IsRejected()
    {
        var first = PersonDecider.Decide(null, Ect("school-a", 100001), Context).Person!;
        var ect = first.Participations[0];
        var broken = first with
        {
            Participations = [ect with { AtSchoolPeriods = [.. ect.AtSchoolPeriods, new AtSchoolPeriod("x", "school-b", 100002, new DateOnly(2025, 10, 1), null)] }],
        };

        var decision = PersonDecider.Decide(broken, Ect("school-c", 100003), Context);

        Assert.Equal(RegistrationOutcome.Rejected, decision.Outcome);
        Assert.Contains("more than one open at-school period", decision.Refusal!.Message, StringComparison.Ordinal);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Violations_TwoOpenTrainingPeriods_Reported()
    {
        var person = PersonDecider.Decide(null, Ect("school-a", 100001), Context).Person!;
        var ect = person.Participations[0];
        var broken = person with { Participations = [ect with { TrainingPeriods = [.. ect.TrainingPeriods, ect.TrainingPeriods[0] with { Id = "y" }] }] };

        Assert.Contains(PersonInvariants.Violations(broken), v => v.Contains("more than one open training period", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_DifferentEmail_MakesTheNewOneCurrentAndKeepsTheOld()
    {
        var first = PersonDecider.Decide(null, Ect("school-a", 100001), Context).Person;

        var moved = PersonDecider.Decide(first, Ect("school-b", 100002) with { Email = "ada@new.example.org" }, Context).Person!;

        Assert.Equal(["ada@example.org", "ada@new.example.org"], moved.Emails.Select(e => e.Address));
        Assert.Equal("ada@new.example.org", Assert.Single(moved.Emails, e => e.Current).Address);
    }

    [Fact]
    public void Decide_MentorThenEct_TwoParticipationsOnePerson()
    {
        var mentor = PersonDecider.Decide(null, Ect("school-a", 100001) with { ParticipationType = ParticipationTypes.Mentor, InductionStartDate = null }, Context).Person;

        var decision = PersonDecider.Decide(mentor, Ect("school-a", 100001) with { TrainingRecordId = "trn-record-2" }, Context);

        Assert.Equal(RegistrationOutcome.ParticipationAdded, decision.Outcome);
        Assert.Equal([ParticipationTypes.Mentor, ParticipationTypes.Ect], decision.Person!.Participations.Select(p => p.Type));
    }

    private static RegisterParticipant Ect(string schoolId, int urn) => new(
        "person-1",
        "trn-record-1",
        "1234567",
        "Ada Lovelace",
        new DateOnly(1990, 1, 31),
        "ada@example.org",
        ParticipationTypes.Ect,
        schoolId,
        urn,
        new DateOnly(2025, 10, 15),
        new DateOnly(2025, 9, 1),
        new TrainingPlacement(TrainingProgrammes.ProviderLed, 2025, 2025, "ecf-standard-september", Provider, Guid.NewGuid(), "partnership-1"),
        null);
}
