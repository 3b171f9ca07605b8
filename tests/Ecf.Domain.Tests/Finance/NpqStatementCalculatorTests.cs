using Ecf.Domain.Declarations;
using Ecf.Domain.Finance;
using Ecf.Domain.ReferenceData;

namespace Ecf.Domain.Tests.Finance;

/// <summary>
/// NPQ's statement calculation per course. The leadership template: £1,000 per participant, 60% output over 4 payment
/// periods (1000 × 60 / (100 × 4) = 150 per declaration), 40% service over 20 instalments (1000 × 40 / (100 × 20) = 20 per
/// participant), recruitment target 50 (monthly service fee 50 × 20 = 1000), TDF £100 per participant.
/// </summary>
public sealed class NpqStatementCalculatorTests
{
    private const string Course = "npq-leading-teaching";
    private const string Eligible = DeclarationStates.Eligible;

    private static readonly NpqContractTemplate Leadership = new(
        "npq-1.0", RecruitmentTarget: 50, PerParticipant: 1000m, OutputPaymentPercentage: 60m, NumberOfPaymentPeriods: 4,
        ServiceFeePercentage: 40m, ServiceFeeInstalments: 20, MonthlyServiceFee: null, TargetedDeliveryFundingPerParticipant: 100m);

    private static StatementLine Line(string person, string type, string state, bool tdf = false, bool funded = false, string course = Course, string? id = null) =>
        new(id ?? $"{person}-{type}-{state}", person, type, course, state, TargetedDeliveryFundingEligible: tdf, EligibleForFunding: funded);

    /// <summary>
    /// p1 started twice (two declarations, counted once), TDF-eligible and funded; p2 started, TDF-eligible but not funded;
    /// p3 retained-1, p4 retained-2, p5 completed; p6 started refundable; p7 voided.
    /// Billable distinct (person, type): 5 — started 2, retained 2, completed 1. Refundable 1.
    /// </summary>
    private static readonly StatementLine[] Lines =
    [
        Line("p1", DeclarationType.Started, Eligible, tdf: true, funded: true, id: "d1"),
        Line("p1", DeclarationType.Started, DeclarationStates.Payable, tdf: true, funded: true, id: "d1-again"),
        Line("p2", DeclarationType.Started, Eligible, tdf: true),
        Line("p3", DeclarationType.Retained1, Eligible),
        Line("p4", DeclarationType.Retained2, Eligible),
        Line("p5", DeclarationType.Completed, DeclarationStates.Paid),
        Line("p6", DeclarationType.Started, DeclarationStates.AwaitingClawback),
        Line("p7", DeclarationType.Started, DeclarationStates.Voided, tdf: true, funded: true),
        Line("p8", DeclarationType.Started, Eligible, course: "npq-senior-leadership"),
    ];

    private static NpqStatementResult Calculate(
        IReadOnlyList<StatementLine> lines, NpqContractTemplate? template = null, int contractYear = 2023, int year = 2025, int month = 10,
        string course = Course, IReadOnlyList<NpqCourseContract>? more = null, IReadOnlyList<StatementAdjustment>? adjustments = null, decimal reconcile = 0m) =>
        NpqStatementCalculator.Calculate(new NpqStatementInput(
            contractYear, year, month, [new(course, template ?? Leadership), .. more ?? []], lines, adjustments ?? [], reconcile));

    [Fact]
    public void Calculate_CourseTotal_ServiceFeeFromTheTemplate_DistinctCounts()
    {
        // Output 5 × 150 = 750; clawback 1 × 150 = 150; TDF 1 (p1, once) × 100 = 100.
        // Total 1000 + 750 − 150 + 100 − 0 = 1700.
        var course = Calculate(Lines).Courses.Single();

        Assert.Equal((2, 2, 1, 5, 1), (course.Started, course.Retained, course.Completed, course.Billable, course.Refundable));
        Assert.Equal((150m, 750m, 20m, 1000m, 150m), (course.OutputPerParticipant, course.OutputSubtotal, course.ServiceFeePerParticipant, course.MonthlyServiceFee, course.Clawback));
        Assert.Equal((1, 0, 100m, 0m), (course.TargetedDeliveryFundingCount, course.TargetedDeliveryFundingRefundableCount, course.TargetedDeliveryFunding, course.TargetedDeliveryFundingRefundable));
        Assert.Equal(1700m, course.Total);
    }

    [Fact]
    public void Calculate_MonthlyServiceFeeSet_ItIsTheServiceFeeAndShownPerParticipantOverTheTarget()
    {
        // 800 + 750 − 150 + 100 = 1500; shown per participant 800 / 50 = 16.
        var course = Calculate(Lines, Leadership with { MonthlyServiceFee = 800m }).Courses.Single();

        Assert.Equal((800m, 16m, 1500m), (course.MonthlyServiceFee, course.ServiceFeePerParticipant, course.Total));
    }

    [Fact]
    public void Calculate_ZeroOutputPercentageOrServicePercentage_PaysNothingForThatPart()
    {
        var template = Leadership with { OutputPaymentPercentage = 0m, ServiceFeePercentage = 0m };

        var course = Calculate(Lines, template).Courses.Single();

        Assert.Equal((0m, 0m, 0m, 100m), (course.OutputSubtotal, course.MonthlyServiceFee, course.Clawback, course.Total));
    }

    [Theory]
    [InlineData(2023, 2025, 10, Course, 1)]
    [InlineData(2022, 2024, 3, Course, 1)]
    [InlineData(2023, 2025, 11, Course, 0)]
    [InlineData(2025, 2026, 1, Course, 0)]
    [InlineData(2021, 2023, 5, Course, 0)]
    [InlineData(2023, 2025, 1, NpqStatementCalculator.EarlyHeadshipCoachingOffer, 0)]
    [InlineData(2023, 2025, 1, NpqStatementCalculator.AdditionalSupportOffer, 0)]
    public void Calculate_TargetedDeliveryFunding_UpToOctober2025_Cohorts2022On_NotEhcoOrAso(int contractYear, int year, int month, string course, int paid)
    {
        // One billable started (TDF-eligible and funded) and one refundable started (likewise): TDF 100 and refundable TDF
        // 100 when it applies, so the course total carries 100 − 100 either way; only the counts show it.
        StatementLine[] lines =
        [
            Line("p1", DeclarationType.Started, Eligible, tdf: true, funded: true, course: course),
            Line("p2", DeclarationType.Started, DeclarationStates.ClawedBack, tdf: true, funded: true, course: course),
        ];

        var result = Calculate(lines, contractYear: contractYear, year: year, month: month, course: course).Courses.Single();

        Assert.Equal((paid, paid), (result.TargetedDeliveryFundingCount, result.TargetedDeliveryFundingRefundableCount));
        Assert.Equal((paid * 100m, paid * 100m), (result.TargetedDeliveryFunding, result.TargetedDeliveryFundingRefundable));
        // 1000 + 150 − 150 + TDF − refundable TDF.
        Assert.Equal(1000m, result.Total);
    }

    [Fact]
    public void Calculate_RefundableTargetedDeliveryFunding_Deducted()
    {
        // Only a refundable TDF started: 1000 + 0 − 150 + 0 − 100 = 750.
        var course = Calculate([Line("p1", DeclarationType.Started, DeclarationStates.AwaitingClawback, tdf: true, funded: true)]).Courses.Single();

        Assert.Equal(750m, course.Total);
    }

    [Fact]
    public void Calculate_StatementTotal_NonSpecialCoursesAdjustmentsReconcile_SpecialCourseApart()
    {
        // Leading teaching 1700 (above). Senior leadership (p8 started): 1000 + 150 + 0 (p8 not TDF) = 1150.
        // A special course (EHCO) with no lines: its 1000 service fee is shown apart.
        // Statement: 1700 + 1150 − 50 + 25 = 2825.
        NpqCourseContract[] more =
        [
            new("npq-senior-leadership", Leadership),
            new(NpqStatementCalculator.EarlyHeadshipCoachingOffer, Leadership with { Version = "ehco-1.0", SpecialCourse = true }),
        ];

        var result = Calculate(Lines, more: more, adjustments: [new("Late correction", -50m)], reconcile: 25m);

        Assert.Equal([1700m, 1150m], result.Courses.Select(c => c.Total));
        Assert.Equal(NpqStatementCalculator.EarlyHeadshipCoachingOffer, Assert.Single(result.SpecialCourses).CourseIdentifier);
        Assert.Equal(1000m, result.SpecialCourses[0].Total);
        Assert.Equal((-50m, 25m, 2825m), (result.AdjustmentsTotal, result.ReconcileAmount, result.Total));
    }
}
