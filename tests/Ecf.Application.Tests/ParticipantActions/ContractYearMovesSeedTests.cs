using Ecf.Application.ParticipantActions;
using Ecf.Application.ReferenceData;
using Ecf.Domain.Declarations;
using Ecf.Domain.ParticipantActions;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;

namespace Ecf.Application.Tests.ParticipantActions;

/// <summary>
/// The frozen-year moves (docs/domain.md#contract-year-moves) against the embedded seed's reference data, for both of its frozen
/// years (2021 and 2022) on 1 July 2025, when 2025 is the active registration year: each condition failing alone, both ways.
/// </summary>
public sealed class ContractYearMovesSeedTests
{
    private const string Record = "record-1";
    private static readonly DateTimeOffset Now = new(2025, 7, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Provider = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly ParticipantActionFacts Facts = ParticipantActionHandler.Facts(new ReferenceDataSnapshot(ReferenceSeedParser.LoadEmbedded()), Now, Provider);
    private static readonly PersonChangeContext Admin = new(Now, new Actor(ActorTypes.Admin, "admin-1"), "corr-move", "closure");

    public static TheoryData<int, string, ParticipantActionRule?> MovesOut
    {
        get
        {
            var data = new TheoryData<int, string, ParticipantActionRule?>();
            foreach (var year in new[] { 2021, 2022 })
            {
                data.Add(year, "all hold", null);
                data.Add(year, "not requested", ParticipantActionRule.MoveNotRequested);
                data.Add(year, "a mentor", ParticipantActionRule.NotAnEct);
                data.Add(year, "target 2024", ParticipantActionRule.NotActiveRegistrationYear);
                data.Add(year, "only a submitted declaration", ParticipantActionRule.NoBillableDeclaration);
                data.Add(year, "a billable completed declaration", ParticipantActionRule.CompletedDeclarationBillable);
                data.Add(year, "induction completed", ParticipantActionRule.InductionCompleted);
            }

            data.Add(2023, "all hold", ParticipantActionRule.CurrentYearNotFrozen);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(MovesOut))]
    public void MoveOut_EachConditionFailingAlone_RefusedByItsRuleOnly(int year, string variant, ParticipantActionRule? expected)
    {
        var participation = InYear(year, variant == "a mentor" ? ParticipationTypes.Mentor : ParticipationTypes.Ect) with
        {
            Declarations = variant switch
            {
                "only a submitted declaration" => [Declared(DeclarationType.Started, year, DeclarationStates.Submitted)],
                "a billable completed declaration" => [Declared(DeclarationType.Started, year), Declared(DeclarationType.Completed, year)],
                _ => [Declared(DeclarationType.Started, year)],
            },
            InductionPeriods = [new InductionPeriod(Record + ":induction:1", new DateOnly(year, 9, 1), variant == "induction completed" ? new DateOnly(2025, 6, 30) : null, null)],
        };
        var request = new ContractYearMoveRequest(variant == "target 2024" ? "2024" : "2025", variant != "not requested");

        var decision = ContractYearMoves.Move(Person(participation), Record, request, Facts, Admin);

        if (expected is { } rule)
        {
            Assert.Equal([rule], decision.Refusals.Select(r => r.Rule));
            return;
        }

        var moved = decision.Person!.Participations[0];
        Assert.True(moved.CohortChangedAfterPaymentsFrozen);
        Assert.Equal((year, 2025, ContractYearMoves.MovedOutSchedule), (moved.TrainingPeriods[^1].Cohort, moved.TrainingPeriods[^1].ContractYear, moved.TrainingPeriods[^1].ScheduleIdentifier));
    }

    public static TheoryData<int, string, ParticipantActionRule?> MovesBack
    {
        get
        {
            var data = new TheoryData<int, string, ParticipantActionRule?>();
            foreach (var year in new[] { 2021, 2022 })
            {
                data.Add(year, "all hold", null);
                data.Add(year, "not requested", ParticipantActionRule.MoveNotRequested);
                data.Add(year, "not marked as moved out", ParticipantActionRule.NotMovedOutOfFrozenYear);
                data.Add(year, "an eligible declaration in 2025", ParticipantActionRule.DeclarationsInYearLeft);
                data.Add(year, "a submitted declaration in 2025", ParticipantActionRule.DeclarationsInYearLeft);
                data.Add(year, "no billable declaration in the frozen year", ParticipantActionRule.NoBillableDeclarationInTargetYear);
                data.Add(year, "back to 2023, not frozen", ParticipantActionRule.TargetYearNotFrozen);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(MovesBack))]
    public void MoveBack_EachConditionFailingAlone_RefusedByItsRuleOnly(int year, string variant, ParticipantActionRule? expected)
    {
        var original = InYear(year, ParticipationTypes.Ect);
        var movedOut = original.TrainingPeriods[0] with { Id = Record + ":training:2", ContractYear = 2025, ScheduleIdentifier = "ecf-extended-september", From = new DateOnly(2025, 6, 20) };
        var participation = original with
        {
            TrainingPeriods = [original.TrainingPeriods[0] with { To = movedOut.From }, movedOut],
            CohortChangedAfterPaymentsFrozen = variant != "not marked as moved out",
            Declarations = variant switch
            {
                "an eligible declaration in 2025" => [Declared(DeclarationType.Started, year), Declared(DeclarationType.Retained2, 2025)],
                "a submitted declaration in 2025" => [Declared(DeclarationType.Started, year), Declared(DeclarationType.Retained2, 2025, DeclarationStates.Submitted)],
                "no billable declaration in the frozen year" => [Declared(DeclarationType.Started, year, DeclarationStates.Voided)],
                "back to 2023, not frozen" => [Declared(DeclarationType.Started, 2023)],
                _ => [Declared(DeclarationType.Started, year)],
            },
        };
        var request = new ContractYearMoveRequest(variant == "back to 2023, not frozen" ? "2023" : year.ToString(System.Globalization.CultureInfo.InvariantCulture), variant != "not requested");

        var decision = ContractYearMoves.Move(Person(participation), Record, request, Facts, Admin);

        if (expected is { } rule)
        {
            Assert.Equal([rule], decision.Refusals.Select(r => r.Rule));
            return;
        }

        var back = decision.Person!.Participations[0];
        Assert.False(back.CohortChangedAfterPaymentsFrozen);
        Assert.Equal((year, "ecf-standard-september", true), (back.TrainingPeriods[^1].ContractYear, back.TrainingPeriods[^1].ScheduleIdentifier, back.TrainingPeriods[^1].ReturnedToFrozenYear));
    }

    private static Participation InYear(int year, string type) => new()
    {
        TrainingRecordId = Record,
        Type = type,
        CreatedAt = new DateTimeOffset(year, 9, 1, 8, 0, 0, TimeSpan.Zero),
        AtSchoolPeriods = [new AtSchoolPeriod(Record + ":school:1", "school-1", 100001, new DateOnly(year, 9, 1), null)],
        TrainingPeriods =
        [
            new TrainingPeriod
            {
                Id = Record + ":training:1", AtSchoolPeriodId = Record + ":school:1", TrainingProgramme = TrainingProgrammes.ProviderLed, LeadProviderId = Provider,
                ScheduleIdentifier = "ecf-standard-september", Cohort = year, ContractYear = year, From = new DateOnly(year, 9, 1),
            },
        ],
        Statuses = new ParticipationStatuses(TrainingStatuses.Active, ParticipantStatuses.Active, true, new DateOnly(year, 9, 1)),
    };

    private static Declaration Declared(string type, int contractYear, string state = DeclarationStates.Eligible) => new()
    {
        Id = $"{type}-{contractYear}",
        TrainingPeriodId = Record + ":training:1",
        LeadProviderId = Provider,
        CourseIdentifier = CourseIdentifiers.EcfInduction,
        DeclarationType = type,
        DeclarationDate = new DateTimeOffset(contractYear, 10, 1, 10, 0, 0, TimeSpan.Zero),
        Cohort = contractYear,
        ContractYear = contractYear,
        State = state,
        CreatedAt = new DateTimeOffset(contractYear, 10, 1, 10, 0, 0, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(contractYear, 10, 1, 10, 0, 0, TimeSpan.Zero),
    };

    private static Person Person(Participation participation) => new()
    {
        Id = "person-1",
        PersonId = "person-1",
        FullName = "Ada Lovelace",
        Participations = [participation],
        TimelineSequence = 5,
        CreatedAt = participation.CreatedAt,
        UpdatedAt = participation.CreatedAt,
    };
}
