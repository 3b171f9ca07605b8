using Ecf.Domain.ReferenceData;

namespace Ecf.Domain.Tests.ReferenceData;

public class ReferenceDataDomainTests
{
    [Theory]
    [InlineData("ecf-standard-september", ScheduleType.Standard, ScheduleMonth.September)]
    [InlineData("ecf-extended-january", ScheduleType.Extended, ScheduleMonth.January)]
    [InlineData("ecf-replacement-april", ScheduleType.Replacement, ScheduleMonth.April)]
    public void ScheduleIdentifierTryParse_ValidIdentifier_ParsesAndRoundTrips(string text, ScheduleType type, ScheduleMonth month)
    {
        var ok = ScheduleIdentifier.TryParse(text, out var identifier);

        Assert.True(ok);
        Assert.Equal(new ScheduleIdentifier(type, month), identifier);
        Assert.Equal(text, identifier.ToString());
    }

    [Theory]
    [InlineData("ecf-standard")]
    [InlineData("ecf-standard-may")]
    [InlineData("ECF-STANDARD-SEPTEMBER")]
    [InlineData("npq-leadership-autumn")]
    [InlineData("ecf-standard-september-x")]
    [InlineData("")]
    public void ScheduleIdentifierTryParse_InvalidIdentifier_ReturnsFalse(string text)
    {
        Assert.False(ScheduleIdentifier.TryParse(text, out _));
        Assert.Throws<FormatException>(() => ScheduleIdentifier.Parse(text));
    }

    [Fact]
    public void ScheduleIdentifierAll_Always_HasTwelveDistinctIdentifiers()
    {
        Assert.Equal(12, ScheduleIdentifier.All.Select(i => i.ToString()).Distinct().Count());
    }

    [Fact]
    public void ScheduleIdentifierDeclarationTypes_Extended_HasNineMilestonesOthersSix()
    {
        Assert.Equal(9, ScheduleIdentifier.Parse("ecf-extended-april").DeclarationTypes.Count);
        Assert.Equal(6, ScheduleIdentifier.Parse("ecf-reduced-april").DeclarationTypes.Count);
    }

    [Fact]
    public void ContractPeriodPaymentsFrozen_BeforeAndAtFreeze_FalseThenTrue()
    {
        var frozenAt = new DateTimeOffset(2024, 6, 18, 0, 0, 0, TimeSpan.FromHours(1));
        var period = Period(2021, frozenAt);

        Assert.False(period.PaymentsFrozen(frozenAt.AddTicks(-1)));
        Assert.True(period.PaymentsFrozen(frozenAt));
        Assert.False(Period(2024, null).PaymentsFrozen(DateTimeOffset.MaxValue));
    }

    [Fact]
    public void MilestoneAccepts_WindowWithCutOff_InclusiveAtBothEnds()
    {
        var milestone = new Milestone(DeclarationType.Started, new DateOnly(2024, 6, 1), new DateOnly(2024, 12, 31), new DateOnly(2024, 11, 30));

        Assert.False(milestone.Accepts(new DateOnly(2024, 5, 31)));
        Assert.True(milestone.Accepts(new DateOnly(2024, 6, 1)));
        Assert.True(milestone.Accepts(new DateOnly(2024, 12, 31)));
        Assert.False(milestone.Accepts(new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void MilestoneAccepts_NoCutOff_AcceptsAnyDateFromStart()
    {
        var milestone = new Milestone(DeclarationType.Completed, new DateOnly(2025, 9, 1), null, null);

        Assert.False(milestone.Accepts(new DateOnly(2025, 8, 31)));
        Assert.True(milestone.Accepts(new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void ScheduleFindMilestone_KnownAndUnknownType_ReturnsMilestoneOrNull()
    {
        var schedule = new Schedule(2024, "ecf-standard-september",
        [
            new Milestone(DeclarationType.Started, new DateOnly(2024, 6, 1), new DateOnly(2024, 12, 31), null),
        ]);

        Assert.Equal(new DateOnly(2024, 6, 1), schedule.FindMilestone("started")?.StartDate);
        Assert.Null(schedule.FindMilestone("extended-1"));
        Assert.Equal(ScheduleType.Standard, schedule.Type);
        Assert.Equal(ScheduleMonth.September, schedule.Month);
    }

    [Theory]
    [InlineData("January 2025", 2025, 1)]
    [InlineData("December 2027", 2027, 12)]
    public void StatementCalendarEntryTryParseName_ValidName_ParsesAndFormatsBack(string name, int year, int month)
    {
        Assert.True(StatementCalendarEntry.TryParseName(name, out var y, out var m));
        Assert.Equal((year, month), (y, m));
        Assert.Equal(name, new StatementCalendarEntry(2024, y, m, default, default, false).Name);
    }

    [Theory]
    [InlineData("Janvier 2025")]
    [InlineData("January")]
    [InlineData("2025 January")]
    public void StatementCalendarEntryTryParseName_InvalidName_ReturnsFalse(string name)
    {
        Assert.False(StatementCalendarEntry.TryParseName(name, out _, out _));
    }

    [Fact]
    public void LeadProviderIsActiveForEcf_YearInListAndNot_TrueThenFalse()
    {
        var provider = new LeadProvider(Guid.NewGuid(), "Capita", DeliversEcf: true, DeliversNpq: false) { EcfContractYears = [2021, 2022, 2023] };

        Assert.True(provider.IsActiveForEcf(2022));
        Assert.False(provider.IsActiveForEcf(2024));
        Assert.True(provider.VatChargeable);
    }

    private static ContractPeriod Period(int year, DateTimeOffset? frozenAt) => new(
        year, new DateOnly(year, 6, 1), new DateOnly(year + 1, 5, 31), true, new DateOnly(year, 5, 10), new DateOnly(year, 9, 1),
        new DateOnly(year + 1, 3, 31), frozenAt, false, false, true);
}
