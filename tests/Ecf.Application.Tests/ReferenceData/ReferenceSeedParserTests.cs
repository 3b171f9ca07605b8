using Ecf.Application.ReferenceData;
using Ecf.Domain.ReferenceData;

namespace Ecf.Application.Tests.ReferenceData;

public class ReferenceSeedParserTests
{
    private static readonly ReferenceSeed Seed = ReferenceSeedParser.LoadEmbedded();

    [Fact]
    public void LoadEmbedded_ContractPeriods_AreTheSixYears2021To2026()
    {
        Assert.Equal([2021, 2022, 2023, 2024, 2025, 2026], Seed.ContractPeriods.Select(p => p.Year));
    }

    [Fact]
    public void LoadEmbedded_EcfSchedules_TwelveIdentifiersInEachYear()
    {
        Assert.Equal(72, Seed.Schedules.Count);
        foreach (var year in Enumerable.Range(2021, 6))
        {
            var identifiers = Seed.Schedules.Where(s => s.ContractYear == year).Select(s => s.Identifier).Order();
            Assert.Equal(ScheduleIdentifier.All.Select(i => i.ToString()).Order(), identifiers);
        }
    }

    [Fact]
    public void LoadEmbedded_ExtendedSchedules_HaveNineMilestonesOthersSix()
    {
        Assert.All(Seed.Schedules, s => Assert.Equal(s.Type == ScheduleType.Extended ? 9 : 6, s.Milestones.Count));
        Assert.Equal(486, Seed.Schedules.Sum(s => s.Milestones.Count));
    }

    [Fact]
    public void LoadEmbedded_2024StandardSeptemberStarted_MatchesEcfSeed()
    {
        var started = Schedule(2024, "ecf-standard-september").FindMilestone(DeclarationType.Started);

        Assert.Equal(new Milestone("started", new DateOnly(2024, 6, 1), new DateOnly(2024, 12, 31), new DateOnly(2024, 11, 30)), started);
    }

    [Fact]
    public void LoadEmbedded_2021StandardJanuaryCompleted_FilledFromDocs()
    {
        var completed = Schedule(2021, "ecf-standard-january").FindMilestone(DeclarationType.Completed);

        Assert.Equal(new DateOnly(2023, 5, 1), completed?.StartDate);
        Assert.Equal(new DateOnly(2023, 10, 31), completed?.MilestoneDate);
    }

    [Fact]
    public void LoadEmbedded_NonStandardSchedules_ShareOneStartDateAndHaveNoCutOff()
    {
        Assert.All(Seed.Schedules.Where(s => s.Type != ScheduleType.Standard), s =>
        {
            Assert.Single(s.Milestones.Select(m => m.StartDate).Distinct());
            Assert.All(s.Milestones, m => Assert.Null(m.MilestoneDate));
        });
        Assert.Equal(new DateOnly(2022, 1, 1), Schedule(2021, "ecf-replacement-january").Milestones[0].StartDate);
    }

    [Fact]
    public void LoadEmbedded_2025And2026StandardSchedules_UseRectLooseDatesWithoutCutOff()
    {
        Assert.All(Schedule(2025, "ecf-standard-september").Milestones, m => Assert.Equal((new DateOnly(2025, 6, 1), (DateOnly?)null), (m.StartDate, m.MilestoneDate)));
        Assert.Equal(new DateOnly(2027, 4, 1), Schedule(2026, "ecf-standard-april").Milestones[5].StartDate);
    }

    [Fact]
    public void LoadEmbedded_ContractPeriodFlags_MatchFacts()
    {
        var p2021 = Period(2021);
        var p2025 = Period(2025);

        Assert.True(p2021.PaymentsFrozen(new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.False(p2021.PaymentsFrozen(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.True(Period(2022).PaymentsFrozen(new DateTimeOffset(2025, 6, 16, 0, 0, 0, TimeSpan.FromHours(1))));
        Assert.Null(Period(2024).PaymentsFrozenAt);
        Assert.True(p2025.MentorFunding);
        Assert.True(p2025.DetailedEvidenceTypes);
        Assert.False(p2025.UpliftFeesEnabled);
        Assert.False(Period(2024).MentorFunding);
        Assert.True(Period(2024).UpliftFeesEnabled);
    }

    [Fact]
    public void LoadEmbedded_LeadProviders_SevenEcfAndEightNpqInTenRows()
    {
        Assert.Equal(10, Seed.LeadProviders.Count);
        Assert.Equal(7, Seed.LeadProviders.Count(p => p.DeliversEcf));
        Assert.Equal(8, Seed.LeadProviders.Count(p => p.DeliversNpq));
        var ambition = Assert.Single(Seed.LeadProviders, p => p.Name == "Ambition Institute");
        Assert.True(ambition.DeliversEcf && ambition.DeliversNpq);
        Assert.False(Seed.LeadProviders.Single(p => p.Name == "Teach First").VatChargeable);
        Assert.Equal(Seed.LeadProviders.Count, Seed.LeadProviders.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void LoadEmbedded_Relationships_OnlyForActiveEcfYears()
    {
        Assert.Equal(20, Seed.DeliveryPartners.Count);
        Assert.NotEmpty(Seed.Relationships);
        Assert.All(Seed.Relationships, r => Assert.True(Seed.LeadProviders.Single(p => p.Id == r.LeadProviderId).IsActiveForEcf(r.ContractYear)));
    }

    [Fact]
    public void LoadEmbedded_StatementCalendar2024_OutputMonthsAreJanAprAugOct()
    {
        var calendar = Seed.StatementCalendar.Where(e => e.ContractYear == 2024).ToList();

        Assert.Equal(31, calendar.Count);
        Assert.Equal([1, 4, 8, 10], calendar.Where(e => e.OutputFee).Select(e => e.Month).Distinct().Order());
        Assert.Equal(("January 2025", new DateOnly(2024, 12, 31), new DateOnly(2025, 1, 25)), (calendar[2].Name, calendar[2].DeadlineDate, calendar[2].PaymentDate));
    }

    [Fact]
    public void LoadEmbedded_StatementCalendar_DeadlineIsLastDayOfPreviousMonthExceptInterimNovembers()
    {
        var exceptions = Seed.StatementCalendar
            .Where(e => e.DeadlineDate != new DateOnly(e.Year, e.Month, 1).AddDays(-1))
            .Select(e => (e.ContractYear, e.Name))
            .ToList();

        Assert.Equal([(2021, "November 2021"), (2022, "November 2022")], exceptions);
        Assert.Contains(Seed.StatementCalendar, e => e.ContractYear == 2021 && e.Name == "January 2023" && e.DeadlineDate == new DateOnly(2022, 12, 31));
    }

    [Fact]
    public void LoadEmbedded_StatementCalendar2026_ExtendedByRule()
    {
        var calendar = Seed.StatementCalendar.Where(e => e.ContractYear == 2026).ToList();

        Assert.Equal("November 2026", calendar[0].Name);
        Assert.Equal("May 2029", calendar[^1].Name);
        Assert.All(calendar, e => Assert.Equal(e.Month is 1 or 4 or 8 or 10, e.OutputFee));
        Assert.All(calendar, e => Assert.Equal(25, e.PaymentDate.Day));
    }

    [Fact]
    public void LoadEmbedded_NpqSchedules_SpecialistOmitsRetained2AndDatesFollowFactoryRules()
    {
        Assert.Equal(46, Seed.NpqSchedules.Count);
        Assert.All(Seed.NpqSchedules.Where(s => s.CourseGroup == "specialist"), s => Assert.False(s.Allows(DeclarationType.Retained2)));
        var leadership = Seed.NpqSchedules.Single(s => s.Cohort == 2024 && s.Identifier == "npq-leadership-autumn");
        Assert.Equal((new DateOnly(2024, 10, 1), new DateOnly(2024, 12, 31)), (leadership.AppliesFrom, leadership.AppliesTo));
        Assert.True(leadership.Allows(DeclarationType.Retained2));
        var june = Seed.NpqSchedules.Single(s => s.Cohort == 2025 && s.Identifier == "npq-ehco-june");
        Assert.Equal((new DateOnly(2026, 6, 1), new DateOnly(2026, 10, 31)), (june.AppliesFrom, june.AppliesTo));
    }

    [Fact]
    public void ParseEcfSchedules_BadDate_ReportsFileAndLine()
    {
        var csv = """
            contract_year,schedule_identifier,declaration_type,start_date,milestone_date,payment_date
            2024,ecf-reduced-april,started,2025-04-01,,
            2024,ecf-reduced-april,retained-1,2025-13-01,,
            """;

        var ex = Assert.Throws<ReferenceSeedFormatException>(() => ReferenceSeedParser.ParseEcfSchedules(new StringReader(csv)));

        Assert.Equal(("ecf_schedules.csv", 3), (ex.File, ex.Line));
        Assert.StartsWith("ecf_schedules.csv line 3:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("start_date", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseEcfSchedules_MissingMilestone_ReportsFirstLineOfSchedule()
    {
        var csv = """
            contract_year,schedule_identifier,declaration_type,start_date,milestone_date,payment_date
            2024,ecf-reduced-april,started,2025-04-01,,
            2024,ecf-reduced-april,retained-1,2025-04-01,,
            2024,ecf-reduced-january,started,2025-01-01,,
            """;

        var ex = Assert.Throws<ReferenceSeedFormatException>(() => ReferenceSeedParser.ParseEcfSchedules(new StringReader(csv)));

        Assert.Equal(2, ex.Line);
        Assert.Contains("ecf-reduced-april", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseLeadProviders_WrongFieldCount_ReportsLine()
    {
        var csv = "id,name,ecf,npq,vat_chargeable,ecf_contract_years\n\n0b6f6f7e-2c1a-4f57-9f0e-6f5b2b1c8a11,\"Capita, plc\",true,false,true,2021\n0b6f6f7e-2c1a-4f57-9f0e-6f5b2b1c8a12,Other,true,false\n";

        var ex = Assert.Throws<ReferenceSeedFormatException>(() => ReferenceSeedParser.ParseLeadProviders(new StringReader(csv)));

        Assert.Equal(("lead_providers.csv", 4), (ex.File, ex.Line));
        Assert.Contains("expected 6 fields but found 4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseLeadProviders_QuotedNameWithComma_ParsesName()
    {
        var csv = "id,name,ecf,npq,vat_chargeable,ecf_contract_years\n0b6f6f7e-2c1a-4f57-9f0e-6f5b2b1c8a11,\"Capita, \"\"plc\"\"\",true,false,false,2021|2022\n";

        var provider = Assert.Single(ReferenceSeedParser.ParseLeadProviders(new StringReader(csv)));

        Assert.Equal("Capita, \"plc\"", provider.Name);
        Assert.Equal([2021, 2022], provider.EcfContractYears);
        Assert.False(provider.VatChargeable);
    }

    [Fact]
    public void ParseContractPeriods_WrongHeader_ReportsLineOne()
    {
        var ex = Assert.Throws<ReferenceSeedFormatException>(() => ReferenceSeedParser.ParseContractPeriods(new StringReader("year,started\n2021,2021-06-01\n")));

        Assert.Equal(("contract_periods.csv", 1), (ex.File, ex.Line));
    }

    [Fact]
    public void Parse_RelationshipWithUnknownDeliveryPartner_ReportsRelationshipsFileAndLine()
    {
        var files = ReferenceSeedParser.Files.ToDictionary(f => f, ReadEmbedded);
        var provider = Seed.LeadProviders.Single(p => p.Name == "Capita");
        files[ReferenceSeedParser.RelationshipsFile] =
            "lead_provider_id,lead_provider_name,delivery_partner_id,delivery_partner_name,contract_year\n"
            + $"{provider.Id},Capita,{Guid.Empty},Nobody,2021\n";

        var ex = Assert.Throws<ReferenceSeedFormatException>(() => ReferenceSeedParser.Parse(f => new StringReader(files[f])));

        Assert.Equal((ReferenceSeedParser.RelationshipsFile, 2), (ex.File, ex.Line));
        Assert.Contains("delivery_partner_id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StatementForUnknownContractYear_ReportsLine()
    {
        var files = ReferenceSeedParser.Files.ToDictionary(f => f, ReadEmbedded);
        files[ReferenceSeedParser.StatementCalendarFile] = "contract_year,name,deadline_date,payment_date,output_fee\n2019,January 2020,2019-12-31,2020-01-25,true\n";

        var ex = Assert.Throws<ReferenceSeedFormatException>(() => ReferenceSeedParser.Parse(f => new StringReader(files[f])));

        Assert.Equal((ReferenceSeedParser.StatementCalendarFile, 2), (ex.File, ex.Line));
    }

    private static string ReadEmbedded(string file)
    {
        using var stream = typeof(ReferenceSeedParser).Assembly.GetManifestResourceStream($"Seed/{file}")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Schedule Schedule(int year, string identifier) => Seed.Schedules.Single(s => s.ContractYear == year && s.Identifier == identifier);

    private static ContractPeriod Period(int year) => Seed.ContractPeriods.Single(p => p.Year == year);
}
