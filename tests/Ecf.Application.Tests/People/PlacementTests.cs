using Ecf.Application.ReferenceData;
using Ecf.Domain.People;
using Ecf.Domain.ReferenceData;

namespace Ecf.Application.Tests.People;

/// <summary>Cohort (DOMAIN-FACTS §8) and schedule (§2.6) placement over the seeded contract periods.</summary>
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

    private static DateTimeOffset At(string day) => new(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
}
