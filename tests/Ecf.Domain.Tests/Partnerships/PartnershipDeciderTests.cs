using Ecf.Domain.Partnerships;

namespace Ecf.Domain.Tests.Partnerships;

/// <summary>The rules between a school's partnerships and its programme choice for a year, without a store.</summary>
public sealed class PartnershipDeciderTests
{
    private const string SchoolId = "0b0c6f4e-8d3a-4c1e-9a57-6a1f2d3e4b5c";
    private static readonly Guid ProviderA = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid ProviderB = Guid.Parse("44444444-4444-4444-4444-444444444444");
    private static readonly Guid Partner = Guid.Parse("22222222-2222-2222-2222-222222222222");
    private static readonly DateTimeOffset Day1 = new(2025, 10, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Day2 = Day1.AddDays(1);

    [Theory]
    [InlineData(InductionProgrammeChoices.SchoolLed)]
    [InlineData(InductionProgrammeChoices.NoEarlyCareerTeachers)]
    public void Create_SchoolChoseAnotherProgramme_RefusedWithSchoolFundingError(string choice)
    {
        var state = SetUp(null, choice, Day1).State;

        var decision = Create(state, ProviderA, Day2);

        Assert.Equal(new PartnershipRefusal(PartnershipRule.SchoolNotProviderLed, "school_id", PartnershipMessages.SchoolNotProviderLed), decision.Refusal);
        Assert.Null(decision.State);
    }

    [Fact]
    public void SetUpCohort_SchoolLedWhileInPartnership_Refused()
    {
        var state = Create(null, ProviderA, Day1).State;

        var decision = SetUp(state, InductionProgrammeChoices.SchoolLed, Day2);

        Assert.Equal(PartnershipRule.ActivePartnershipBlocksChoice, decision.Refusal!.Rule);
        Assert.Null(decision.State);
    }

    [Fact]
    public void SetUpCohort_SchoolLedAfterThePartnershipIsChallenged_Allowed()
    {
        var created = Create(null, ProviderA, Day1);
        var challenged = PartnershipDecider.Challenge(created.State!, created.Partnership!.Id, "mistake", Context(Day1));

        var decision = SetUp(challenged.State, InductionProgrammeChoices.SchoolLed, Day2);

        Assert.Null(decision.Refusal);
        Assert.Equal(InductionProgrammeChoices.SchoolLed, decision.State!.InductionProgrammeChoice);
    }

    [Fact]
    public void Create_ProviderLedYear_CreatedAndTheSchoolsViewStamped()
    {
        var state = SetUp(null, InductionProgrammeChoices.ProviderLed, Day1).State;

        var decision = Create(state, ProviderA, Day2);

        Assert.Null(decision.Refusal);
        Assert.Equal(decision.Partnership, decision.State!.Default);
        Assert.Equal(Day2, decision.State.SchoolViewUpdatedAt);
    }

    [Fact]
    public void Create_YearNotSetUp_BecomesProviderLed()
    {
        var decision = Create(null, ProviderA, Day1);

        Assert.Equal((InductionProgrammeChoices.ProviderLed, Day1), (decision.State!.Setup!.InductionProgrammeChoice, decision.State.SchoolViewUpdatedAt));
        Assert.Equal(PartnershipEventTypes.Created, Assert.Single(decision.State.Timeline).Type);
    }

    [Fact]
    public void Create_ActivePartnership_AlreadyExistsForTheSameProviderAndRecruitedByOtherForAnother()
    {
        var state = Create(null, ProviderA, Day1).State;

        var same = Create(state, ProviderA, Day2);
        var other = Create(state, ProviderB, Day2);

        Assert.Equal((PartnershipRule.AlreadyExists, PartnershipMessages.AlreadyExists), (same.Refusal!.Rule, same.Refusal.Message));
        Assert.Equal((PartnershipRule.RecruitedByOtherProvider, PartnershipMessages.RecruitedByOther), (other.Refusal!.Rule, other.Refusal.Message));
    }

    [Fact]
    public void Create_ProviderLastYearAndThisYearNotSetUp_ProgrammeNotYetConfirmedUntilSetUp()
    {
        var lastYear = Create(null, ProviderA, Day1, year: 2024).State;

        var refused = Create(null, ProviderB, Day2, lastYear: lastYear);
        var afterSetUp = Create(SetUp(null, InductionProgrammeChoices.ProviderLed, Day2).State, ProviderB, Day2, lastYear: lastYear);

        Assert.Equal(PartnershipRule.ProgrammeNotYetConfirmed, refused.Refusal!.Rule);
        Assert.Null(afterSetUp.Refusal);
    }

    [Fact]
    public void SetUpCohort_SameSetupWithOtherEmailCase_Unchanged()
    {
        var state = SetUp(null, InductionProgrammeChoices.ProviderLed, Day1).State;

        var decision = PartnershipDecider.SetUpCohort(state, SchoolId, 2025, InductionProgrammeChoices.ProviderLed, "Ada Lovelace", "ADA@example.org", Context(Day2));

        Assert.False(decision.Changed);
        Assert.Same(state, decision.State);
    }

    [Fact]
    public void SetUpCohort_ChoiceChanges_StampsTheSchoolsViewAndATutorOnlyChangeDoesNot()
    {
        var first = SetUp(null, InductionProgrammeChoices.SchoolLed, Day1).State;
        var tutor = PartnershipDecider.SetUpCohort(first, SchoolId, 2025, InductionProgrammeChoices.SchoolLed, "Grace Hopper", "grace@example.org", Context(Day2)).State;
        var choice = SetUp(tutor, InductionProgrammeChoices.ProviderLed, Day2.AddDays(1)).State;

        Assert.Equal(Day1, first!.SchoolViewUpdatedAt);
        Assert.Equal(Day1, tutor!.SchoolViewUpdatedAt);
        Assert.Equal(Day2.AddDays(1), choice!.SchoolViewUpdatedAt);
    }

    [Fact]
    public void Challenge_ActivePartnership_StampsTheSchoolsViewAndADeliveryPartnerChangeDoesNot()
    {
        var created = Create(null, ProviderA, Day1);
        var changed = PartnershipDecider.ChangeDeliveryPartner(created.State!, created.Partnership!.Id, Guid.NewGuid(), Context(Day2));
        var challenged = PartnershipDecider.Challenge(changed.State!, created.Partnership.Id, "mistake", Context(Day2.AddDays(1)));

        Assert.Equal(Day1, changed.State!.SchoolViewUpdatedAt);
        Assert.Equal(Day2.AddDays(1), challenged.State!.SchoolViewUpdatedAt);
        Assert.Null(challenged.State.Default);
    }

    [Fact]
    public void Challenge_BadReasonOrAlreadyChallengedOrUnknownId_Refused()
    {
        var created = Create(null, ProviderA, Day1);
        var challenged = PartnershipDecider.Challenge(created.State!, created.Partnership!.Id, "mistake", Context(Day2)).State!;

        Assert.Equal(PartnershipRule.ChallengeReasonInvalid, PartnershipDecider.Challenge(created.State!, created.Partnership.Id, "bored", Context(Day2)).Refusal!.Rule);
        Assert.Equal(PartnershipRule.AlreadyChallenged, PartnershipDecider.Challenge(challenged, created.Partnership.Id, "mistake", Context(Day2)).Refusal!.Rule);
        Assert.Equal(PartnershipRule.PartnershipNotFound, PartnershipDecider.Challenge(challenged, Guid.NewGuid().ToString(), "mistake", Context(Day2)).Refusal!.Rule);
    }

    [Fact]
    public void SchoolViewChanged_OnlyInPartnershipOrChoiceCount()
    {
        var created = Create(null, ProviderA, Day1).State!;
        var tutorNamed = created with { Setup = created.Setup! with { InductionTutorName = "Ada" } };

        Assert.True(PartnershipDecider.SchoolViewChanged(null, created));
        Assert.False(PartnershipDecider.SchoolViewChanged(created, tutorNamed));
        Assert.False(PartnershipDecider.SchoolViewChanged(null, null));
    }

    private static PartnershipDecision Create(SchoolPartnerships? state, Guid provider, DateTimeOffset at, int year = 2025, SchoolPartnerships? lastYear = null) =>
        PartnershipDecider.Create(state, lastYear, new NewPartnership(Guid.NewGuid().ToString(), SchoolId, provider, Partner, year), Context(at));

    private static SchoolCohortSetupDecision SetUp(SchoolPartnerships? state, string choice, DateTimeOffset at) =>
        PartnershipDecider.SetUpCohort(state, SchoolId, 2025, choice, "Ada Lovelace", "ada@example.org", Context(at));

    private static PartnershipChangeContext Context(DateTimeOffset at) => new(at, "test", null, "corr");
}
