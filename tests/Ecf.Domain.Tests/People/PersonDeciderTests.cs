using Ecf.Domain.People;
using Ecf.Domain.Registrations;

namespace Ecf.Domain.Tests.People;

/// <summary>The person decider, pure: no store, no mocks.</summary>
public sealed class PersonDeciderTests
{
    private static readonly DateTimeOffset Now = new(2025, 10, 15, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonChangeContext Context = new(Now, new Actor(ActorTypes.SchoolService, "token-1"), "corr-1", "test");
    private static readonly Guid Provider = Guid.Parse("1e2053e1-9246-586b-80f3-562c15b8ca83");
    private static readonly Guid Partner = Guid.Parse("22222222-2222-2222-2222-222222222222");

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
    public void Decide_RepeatWithNewEmail_UpdatedWithItsEventAndTheOldEmailKept()
    {
        var first = PersonDecider.Decide(null, Ect("school-a", 100001), Context).Person!;

        var repeat = PersonDecider.Decide(first, Ect("school-a", 100001) with { Email = "ada@new.example.org" }, Context);

        Assert.Equal(RegistrationOutcome.Updated, repeat.Outcome);
        Assert.Equal([PersonEventTypes.EmailChanged], repeat.Events.Select(e => e.Type));
        Assert.Equal([("ada@example.org", false), ("ada@new.example.org", true)], repeat.Person!.Emails.Select(e => (e.Address, e.Current)));
        Assert.Equal(first.Participations, repeat.Person.Participations);
    }

    [Fact]
    public void Decide_RepeatWithEmailInOtherCase_Unchanged()
    {
        var first = PersonDecider.Decide(null, Ect("school-a", 100001), Context).Person!;

        var repeat = PersonDecider.Decide(first, Ect("school-a", 100001) with { Email = "ADA@example.org" }, Context);

        Assert.Equal(RegistrationOutcome.Unchanged, repeat.Outcome);
    }

    [Fact]
    public void Decide_RepeatWithNewName_UpdatedWithANameChangedEventThatEvolveReplays()
    {
        var created = PersonDecider.Decide(null, Ect("school-a", 100001), Context);

        var repeat = PersonDecider.Decide(created.Person, Ect("school-a", 100001) with { FullName = "Augusta Ada King" }, Context);

        Assert.Equal(RegistrationOutcome.Updated, repeat.Outcome);
        var changed = Assert.Single(repeat.Events);
        Assert.Equal((PersonEventTypes.NameChanged, (string?)null), (changed.Type, changed.TrainingRecordId));
        Assert.Equal([new FieldChange("fullName", "Ada Lovelace", "Augusta Ada King")], changed.Changes);
        Assert.Equal("Augusta Ada King", repeat.Person!.FullName);
        var replayed = created.Events.Concat(repeat.Events).Aggregate((Person?)null, PersonDecider.Evolve);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(repeat.Person), System.Text.Json.JsonSerializer.Serialize(replayed));
    }

    [Fact]
    public void Decide_TransferWithNewName_TheNameChangesWithTheTransfer()
    {
        var first = PersonDecider.Decide(null, Ect("school-a", 100001), Context).Person!;

        var transfer = PersonDecider.Decide(first, Ect("school-b", 100002) with { FullName = "Augusta Ada King" }, Context);

        Assert.Equal(RegistrationOutcome.Transferred, transfer.Outcome);
        Assert.Contains(transfer.Events, e => e.Type == PersonEventTypes.NameChanged);
        Assert.Equal("Augusta Ada King", transfer.Person!.FullName);
    }

    [Theory]
    [InlineData("school-a", ParticipationTypes.Ect)]
    [InlineData("school-b", ParticipationTypes.Ect)]
    [InlineData("school-a", ParticipationTypes.Mentor)]
    public void Decide_KnownPersonWithAnotherDateOfBirth_RefusedWithNothingDecided(string schoolId, string type)
    {
        var first = PersonDecider.Decide(null, Ect("school-a", 100001), Context).Person!;

        var decision = PersonDecider.Decide(first, Ect(schoolId, 100001) with { ParticipationType = type, DateOfBirth = new DateOnly(1991, 2, 28), FullName = "Other" }, Context);

        Assert.Equal((RegistrationOutcome.Rejected, RegistrationRule.DateOfBirthDiffers, "date_of_birth"), (decision.Outcome, decision.Refusal!.Rule, decision.Refusal.Attribute));
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Decide_RepeatWithAnotherInductionStart_RefusedNamingTheRecordedDate()
    {
        var first = PersonDecider.Decide(null, Ect("school-a", 100001), Context).Person!;

        var decision = PersonDecider.Decide(first, Ect("school-a", 100001) with { InductionStartDate = new DateOnly(2025, 9, 8), Email = "new@example.org" }, Context);

        Assert.Equal(RegistrationRule.InductionStartDateDiffers, decision.Refusal!.Rule);
        Assert.Contains("2025-09-01", decision.Refusal.Message, StringComparison.Ordinal);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Differences_RepeatAskingForOtherTraining_NamesEachAttributeThatDiffers()
    {
        var first = PersonDecider.Decide(null, Ect("school-a", 100001) with { Placement = Placement(partnershipId: null) }, Context).Person!;
        var requested = new RequestedTraining(TrainingProgrammes.SchoolLed, Guid.NewGuid(), Guid.NewGuid());

        var differences = PersonDecider.Differences(first, Ect("school-a", 100001) with { Requested = requested, Mentor = new MentorReference("mentor-1", "record-9") });

        Assert.Equal(["training_programme", "lead_provider_id", "delivery_partner_id", "mentor_id"], differences.Training);
        Assert.Equal((false, false, false, (DateOnly?)null), (differences.FullName, differences.Email, differences.DateOfBirth, differences.InductionStartDate));
    }

    [Fact]
    public void Differences_RepeatThroughAPartnership_DeliveryPartnerNotCompared()
    {
        var first = PersonDecider.Decide(null, Ect("school-a", 100001), Context).Person!;

        var differences = PersonDecider.Differences(first, Ect("school-a", 100001) with { Requested = new RequestedTraining(TrainingProgrammes.ProviderLed, Provider, Guid.NewGuid()) });

        Assert.Empty(differences.Training);
    }

    [Fact]
    public void Differences_TransferAskingForOtherTraining_NotDifferencesButItsNewPlacement()
    {
        var first = PersonDecider.Decide(null, Ect("school-a", 100001), Context).Person!;

        var differences = PersonDecider.Differences(first, Ect("school-b", 100002) with { InductionStartDate = new DateOnly(2025, 9, 8), Requested = new RequestedTraining(TrainingProgrammes.SchoolLed, null, null) });

        Assert.Equal(((DateOnly?)null, 0), (differences.InductionStartDate, differences.Training.Count));
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
        Placement(),
        null);

    private static TrainingPlacement Placement(string? partnershipId = "partnership-1") =>
        new(TrainingProgrammes.ProviderLed, 2025, 2025, "ecf-standard-september", Provider, Partner, partnershipId);
}
