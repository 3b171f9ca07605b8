using Ecf.Domain.Archive;
using Ecf.Domain.Declarations;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;

namespace Ecf.Domain.Tests.Archive;

/// <summary>
/// Who may be archived out of a payments-frozen contract year (docs/domain.md#archiving): an archivable ECT and mentor, then each
/// condition failing alone.
/// </summary>
public sealed class FrozenYearArchiveTests
{
    private static readonly DateTimeOffset FrozenAt = new(2025, 6, 16, 0, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Provider = Guid.Parse("00000000-0000-0000-0000-0000000000a1");

    private static readonly ContractPeriod Period2022 = new(
        2022, new DateOnly(2022, 6, 1), new DateOnly(2023, 5, 31), false, new DateOnly(2022, 5, 10), new DateOnly(2022, 9, 1), new DateOnly(2023, 3, 31),
        FrozenAt, false, false, true);

    private static ArchiveFacts Facts(ContractPeriod? period = null, DateTimeOffset? now = null, bool mentoredAnEct = false, int year = 2022) =>
        new(year, period ?? Period2022, now ?? Now, mentoredAnEct);

    private static Participation Participation(string type, int contractYear = 2022, string programme = TrainingProgrammes.ProviderLed, string id = "record-1") => new()
    {
        TrainingRecordId = id,
        Type = type,
        CreatedAt = new DateTimeOffset(2022, 9, 1, 8, 0, 0, TimeSpan.Zero),
        AtSchoolPeriods = [new AtSchoolPeriod(id + ":school:1", "school-1", 100001, new DateOnly(2022, 9, 1), null)],
        TrainingPeriods =
        [
            new TrainingPeriod
            {
                Id = id + ":training:1",
                AtSchoolPeriodId = id + ":school:1",
                TrainingProgramme = programme,
                LeadProviderId = programme == TrainingProgrammes.ProviderLed ? Provider : null,
                ScheduleIdentifier = programme == TrainingProgrammes.ProviderLed ? "ecf-standard-september" : null,
                Cohort = contractYear,
                ContractYear = contractYear,
                From = new DateOnly(2022, 9, 1),
            },
        ],
        Statuses = new ParticipationStatuses(TrainingStatuses.Active, ParticipantStatuses.Active, null, new DateOnly(2022, 9, 1)),
    };

    private static Participation Ect() => Participation(ParticipationTypes.Ect) with
    {
        InductionPeriods = [new InductionPeriod("record-1:induction:1", new DateOnly(2021, 6, 1), null, null)],
    };

    private static Participation Mentor() => Participation(ParticipationTypes.Mentor, id: "record-2");

    private static Person Person(params Participation[] participations) => new()
    {
        Id = "person-1",
        PersonId = "person-1",
        Trn = "1234567",
        FullName = "Ada Lovelace",
        Participations = participations,
        CreatedAt = new DateTimeOffset(2022, 9, 1, 8, 0, 0, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2022, 9, 1, 8, 0, 0, TimeSpan.Zero),
    };

    private static Declaration Declaration(string state, string type = "started", string course = CourseIdentifiers.EcfInduction) => new()
    {
        Id = Guid.NewGuid().ToString("D"),
        TrainingPeriodId = "record-1:training:1",
        LeadProviderId = Provider,
        CourseIdentifier = course,
        DeclarationType = type,
        DeclarationDate = new DateTimeOffset(2022, 10, 1, 10, 0, 0, TimeSpan.Zero),
        Cohort = 2022,
        ContractYear = 2022,
        State = state,
        CreatedAt = new DateTimeOffset(2022, 10, 1, 10, 0, 0, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2022, 10, 1, 10, 0, 0, TimeSpan.Zero),
    };

    public static TheoryData<string, Person, ArchiveFacts> Archivable => new()
    {
        { "an ECT with an induction started before 1 September 2021", Person(Ect()), Facts() },
        { "an ECT with no induction start date", Person(Ect() with { InductionPeriods = [] }), Facts() },
        { "an ECT whose induction started on 31 August 2021", Person(Ect() with { InductionPeriods = [new InductionPeriod("i", new DateOnly(2021, 8, 31), null, null)] }), Facts() },
        {
            "an ECT with submitted, ineligible and voided declarations",
            Person(Ect() with { Declarations = [Declaration(DeclarationStates.Submitted), Declaration(DeclarationStates.Ineligible), Declaration(DeclarationStates.Voided)] }),
            Facts()
        },
        { "a mentor never assigned to an ECT", Person(Mentor()), Facts() },
        { "a mentor whose completed declaration was voided", Person(Mentor() with { Declarations = [Declaration(DeclarationStates.Voided, "completed", CourseIdentifiers.EcfMentor)] }), Facts() },
        { "an ECT who is also a mentor, both in the year", Person(Ect(), Mentor()), Facts() },
        { "the moment payments froze", Person(Ect()), Facts(now: FrozenAt) },
    };

    [Theory]
    [MemberData(nameof(Archivable))]
    public void Decide_EveryConditionHolds_Archivable(string because, Person person, ArchiveFacts facts)
    {
        var decision = FrozenYearArchive.Decide(person, facts);

        Assert.True(decision.Archivable, $"{because}: {decision.Reason}");
        Assert.Null(decision.Refusal);
        Assert.Equal("undeclared participants in frozen contract year", decision.Reason);
        Assert.Equal(person.Participations.Select(p => p.TrainingRecordId), decision.TrainingRecordIds);
    }

    public static TheoryData<string, Person, ArchiveFacts, ArchiveRefusal> Refused => new()
    {
        { "the year is not a contract period", Person(Ect()), new ArchiveFacts(2022, null, Now, false), ArchiveRefusal.ContractYearUnknown },
        { "payments not frozen yet", Person(Ect()), Facts(now: FrozenAt.AddTicks(-1)), ArchiveRefusal.ContractYearNotFrozen },
        { "a year that never froze", Person(Ect()), Facts(Period2022 with { PaymentsFrozenAt = null }), ArchiveRefusal.ContractYearNotFrozen },
        { "no participation", Person(), Facts(), ArchiveRefusal.NoParticipation },
        { "latest training paid from another year", Person(MovedTo2024(Ect())), Facts(), ArchiveRefusal.LatestTrainingInAnotherYear },
        { "no training period", Person(Ect() with { TrainingPeriods = [] }), Facts(), ArchiveRefusal.LatestTrainingInAnotherYear },
        { "asked for another year", Person(Ect()), Facts(Period2022 with { Year = 2021 }, year: 2021), ArchiveRefusal.LatestTrainingInAnotherYear },
        { "an eligible declaration", Person(Ect() with { Declarations = [Declaration(DeclarationStates.Eligible)] }), Facts(), ArchiveRefusal.BillableDeclaration },
        { "a payable declaration", Person(Ect() with { Declarations = [Declaration(DeclarationStates.Payable)] }), Facts(), ArchiveRefusal.BillableDeclaration },
        { "a paid declaration", Person(Ect() with { Declarations = [Declaration(DeclarationStates.Paid)] }), Facts(), ArchiveRefusal.BillableDeclaration },
        { "a declaration awaiting clawback", Person(Ect() with { Declarations = [Declaration(DeclarationStates.AwaitingClawback)] }), Facts(), ArchiveRefusal.BillableDeclaration },
        { "a clawed-back declaration", Person(Ect() with { Declarations = [Declaration(DeclarationStates.ClawedBack)] }), Facts(), ArchiveRefusal.BillableDeclaration },
        {
            "induction completed",
            Person(Ect() with { InductionPeriods = [new InductionPeriod("i", new DateOnly(2021, 6, 1), new DateOnly(2023, 7, 20), "pass")] }),
            Facts(),
            ArchiveRefusal.InductionCompleted
        },
        {
            "induction started on 1 September 2021",
            Person(Ect() with { InductionPeriods = [new InductionPeriod("i", new DateOnly(2021, 9, 1), null, null)] }),
            Facts(),
            ArchiveRefusal.InductionStartedTooLate
        },
        {
            "school-led training",
            Person(Participation(ParticipationTypes.Ect, programme: TrainingProgrammes.SchoolLed) with { InductionPeriods = Ect().InductionPeriods }),
            Facts(),
            ArchiveRefusal.SchoolLed
        },
        {
            "a mentor with a completed declaration",
            Person(Mentor() with { Declarations = [Declaration(DeclarationStates.Submitted, "completed", CourseIdentifiers.EcfMentor)] }),
            Facts(),
            ArchiveRefusal.MentorCompleted
        },
        { "a mentor with an eligible declaration", Person(Mentor() with { Declarations = [Declaration(DeclarationStates.Eligible, "started", CourseIdentifiers.EcfMentor)] }), Facts(), ArchiveRefusal.BillableDeclaration },
        { "a mentor assigned to an ECT", Person(Mentor()), Facts(mentoredAnEct: true), ArchiveRefusal.MentorOfAnEct },
        { "an archivable ECT who also mentors in another year", Person(Ect(), MovedTo2024(Mentor())), Facts(), ArchiveRefusal.LatestTrainingInAnotherYear },
        { "an archivable mentor who is also an ECT with an eligible declaration", Person(Ect() with { Declarations = [Declaration(DeclarationStates.Eligible)] }, Mentor()), Facts(), ArchiveRefusal.BillableDeclaration },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Decide_OneConditionFails_RefusedNamingIt(string because, Person person, ArchiveFacts facts, ArchiveRefusal expected)
    {
        var decision = FrozenYearArchive.Decide(person, facts);

        Assert.False(decision.Archivable, because);
        Assert.Equal(expected, decision.Refusal);
        Assert.Empty(decision.TrainingRecordIds);
        Assert.NotEqual(FrozenYearArchive.Reason, decision.Reason);
    }

    [Fact]
    public void Decide_ARefusedParticipation_ReasonNamesItsTypeAndTrainingRecord()
    {
        var decision = FrozenYearArchive.Decide(Person(Ect(), Mentor()), Facts(mentoredAnEct: true));

        Assert.Equal("mentor record-2: it has mentored an ECT", decision.Reason);
    }

    [Fact]
    public void Person_LatestContractYearsAndMentors_AreWhatTheQueriesRead()
    {
        var ect = Ect() with { MentorshipPeriods = [new MentorshipPeriod("m1", "mentor-a", "ra", new DateOnly(2022, 9, 1), new DateOnly(2023, 1, 1)), new MentorshipPeriod("m2", "mentor-b", "rb", new DateOnly(2023, 1, 1), null), new MentorshipPeriod("m3", "mentor-a", "ra", new DateOnly(2023, 2, 1), null)] };

        var person = Person(MovedTo2024(ect), Mentor());

        Assert.Equal((2024, 2022), (person.LatestEctContractYear, person.LatestMentorContractYear));
        Assert.Equal(["mentor-a", "mentor-b"], person.MentorPersonIds);
        Assert.Null(Person(Mentor()).MentorPersonIds);
        Assert.Null(Person(Mentor()).LatestEctContractYear);
    }

    private static Participation MovedTo2024(Participation participation) => participation with
    {
        TrainingPeriods =
        [
            participation.TrainingPeriods[0] with { To = new DateOnly(2024, 9, 1) },
            participation.TrainingPeriods[0] with { Id = participation.TrainingRecordId + ":training:2", Cohort = 2022, ContractYear = 2024, From = new DateOnly(2024, 9, 1) },
        ],
    };
}
