using Ecf.Application.ReferenceData;
using Ecf.Domain.Declarations;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;

namespace Ecf.Application.Tests.People;

/// <summary>Cohort (docs/domain.md#placement) and schedule (#schedules) placement over the seeded contract periods.</summary>
public sealed class PlacementTests
{
    private static readonly IReadOnlyList<ContractPeriod> Periods = new ReferenceDataSnapshot(ReferenceSeedParser.LoadEmbedded()).ContractPeriods;

    [Theory]
    [InlineData("2025-09-01", "2025-10-15", 2025, 2025)]
    [InlineData("2026-03-01", "2025-10-15", 2025, 2025)]
    [InlineData("2024-06-01", "2025-10-15", 2024, 2024)]
    [InlineData("2022-09-01", "2025-10-15", 2022, 2025)]
    [InlineData("2019-09-01", "2025-10-15", 2025, 2025)]
    public void ForEct_InductionStart_PlacesCohortAndContractYear(string start, string today, int cohort, int contractYear)
    {
        var choice = CohortPlacement.ForEct(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), Periods, At(today));

        Assert.Equal((cohort, contractYear, cohort != contractYear), (choice!.Cohort, choice.ContractYear, choice.MovedFromFrozen));
    }

    [Theory]
    [InlineData("2025-10-15", 2025)]
    [InlineData("2026-04-15", 2026)]
    public void ForMentor_Today_CurrentWithinAutomaticAssignmentElseNext(string today, int expected)
    {
        Assert.Equal(expected, CohortPlacement.ForMentor(Periods, At(today))!.Cohort);
    }

    [Theory]
    [InlineData("2025-09-01", "2025-08-01", ScheduleMonth.September)]
    [InlineData("2025-09-01", "2025-11-20", ScheduleMonth.January)]
    [InlineData("2026-02-28", "2025-10-15", ScheduleMonth.January)]
    [InlineData("2026-04-01", "2025-10-15", ScheduleMonth.April)]
    public void MonthFor_LaterOfStartAndToday_PicksTheTerm(string start, string today, ScheduleMonth expected)
    {
        Assert.Equal(expected, SchedulePlacement.MonthFor(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(ParticipationTypes.Ect, 2022, false, null, 2024, 2024, false)]
    [InlineData(ParticipationTypes.Ect, 2021, false, null, 2024, 2024, false)]
    [InlineData(ParticipationTypes.Ect, 2022, false, "started:submitted", 2024, 2024, false)]
    [InlineData(ParticipationTypes.Ect, 2022, false, "started:eligible", 2022, 2025, true)]
    [InlineData(ParticipationTypes.Ect, 2021, false, "retained-1:eligible", 2021, 2025, true)]
    [InlineData(ParticipationTypes.Ect, 2022, false, "completed:eligible", 2022, 2022, false)]
    [InlineData(ParticipationTypes.Ect, 2022, true, null, 2022, 2022, false)]
    [InlineData(ParticipationTypes.Mentor, 2022, false, null, 2022, 2022, false)]
    [InlineData(ParticipationTypes.Ect, 2023, false, "started:eligible", 2023, 2023, false)]
    public void ForTransfer_FrozenUnfinishedEct_LeavesTheFrozenYearElseKeeps(
        string type, int year, bool inductionFinished, string? declaration, int cohort, int contractYear, bool moved)
    {
        var provider = Guid.NewGuid();
        var declarations = declaration?.Split(':') is [var declarationType, var state]
            ? new[]
            {
                new Declaration
                {
                    Id = "d", TrainingPeriodId = "t:training:1", LeadProviderId = provider, CourseIdentifier = "ecf-induction", DeclarationType = declarationType,
                    DeclarationDate = At($"{year}-10-01"), Cohort = year, ContractYear = year, State = state, CreatedAt = At($"{year}-10-01"), UpdatedAt = At($"{year}-10-01"),
                },
            }
            : [];
        var participation = new Participation
        {
            TrainingRecordId = "t",
            Type = type,
            CreatedAt = At("2022-09-01"),
            TrainingPeriods = [new TrainingPeriod { Id = "t:training:1", AtSchoolPeriodId = "t:school:1", TrainingProgramme = TrainingProgrammes.ProviderLed, LeadProviderId = provider, ScheduleIdentifier = "ecf-standard-september", Cohort = year, ContractYear = year, From = new DateOnly(year, 9, 1) }],
            InductionPeriods = [new InductionPeriod("t:induction:1", new DateOnly(year, 9, 1), inductionFinished ? new DateOnly(year + 2, 7, 31) : null, inductionFinished ? "pass" : null)],
            Declarations = declarations,
            Statuses = new ParticipationStatuses(TrainingStatuses.Active, ParticipantStatuses.Active, null, new DateOnly(year, 9, 1)),
        };

        var choice = CohortPlacement.ForTransfer(participation, Periods, At("2025-10-15"))!;

        Assert.Equal((cohort, contractYear, moved), (choice.Cohort, choice.ContractYear, choice.MovedFromFrozen));
    }

    private static DateTimeOffset At(string day) => new(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
}
