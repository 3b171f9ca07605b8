using Ecf.Application.Errors;
using Ecf.Application.Partnerships;
using Ecf.Application.Schools;
using Ecf.Domain.Partnerships;
using Ecf.Domain.People;
using Ecf.TestKit;

namespace Ecf.Application.Tests.Partnerships;

/// <summary>
/// Partnership and school cohort handlers on the real embedded store: what they load, the codes of their refusals, races decided
/// on the school's year document, and the derived documents (views, the school listing) they write. The rules themselves are
/// tested without a store in Ecf.Domain.Tests.
/// </summary>
public sealed class PartnershipHandlerTests : IAsyncLifetime
{
    private StoreHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHosts.PeopleAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CreateAsync_BadInput_OneCodedErrorPerAttribute()
    {
        var (provider, _) = _host.ProviderWithPartner(2025);

        var result = await Create(provider.Id, "1999", Guid.NewGuid().ToString(), "nope");

        Assert.Equal(["ecf.3302", "ecf.3304", "ecf.3308"], result.Errors.Select(e => e.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CreateAsync_PartnerWithoutRelationshipOrCipOnlySchool_Refused()
    {
        var school = await _host.AddSchoolAsync(100001);
        var cipOnly = await _host.AddSchoolAsync(100002, typeCode: "10");
        var (provider, partner) = _host.ProviderWithPartner(2025);
        var stranger = _host.Reference.DeliveryPartners.First(d => !_host.Reference.GetRelationships(provider.Id, 2025).Any(r => r.DeliveryPartnerId == d.Id));

        var noRelationship = await Create(provider.Id, "2025", school.SchoolId, stranger.Id.ToString());
        var cip = await Create(provider.Id, "2025", cipOnly.SchoolId, partner.Id.ToString());

        Assert.Equal(("ecf.3309", PartnershipMessages.NoRelationship), (noRelationship.Error!.Code, noRelationship.Error.Detail));
        Assert.Equal(("ecf.3305", PartnershipMessages.CipOnly), (cip.Error!.Code, cip.Error.Detail));
    }

    [Fact]
    public async Task CreateAsync_TwoProvidersRacing_OnePartnershipAndTheOtherIsRecruitedByOther()
    {
        var school = await _host.AddSchoolAsync(100001);
        var (a, aPartner) = _host.ProviderWithPartner(2025);
        var (b, bPartner) = _host.ProviderWithPartner(2025, skip: 1);

        var results = await Task.WhenAll(
            Task.Run(() => Create(a.Id, "2025", school.SchoolId, aPartner.Id.ToString())),
            Task.Run(() => Create(b.Id, "2025", school.SchoolId, bPartner.Id.ToString())));

        Assert.Single(results, r => r.IsSuccess);
        Assert.Equal("ecf.3311", Assert.Single(results, r => !r.IsSuccess).Error!.Code);
        var stored = await _host.Get<PartnershipDocuments>().ReadAsync(school.SchoolId, 2025);
        Assert.Single(stored!.Value.Partnerships);
    }

    [Fact]
    public async Task CreateAsync_SchoolChoseSchoolLed_RefusedWithSchoolFundingErrorAndNothingWritten()
    {
        var school = await _host.AddSchoolAsync(100001);
        var (provider, partner) = _host.ProviderWithPartner(2025);
        await SetUp(school.Urn, "2025", "school_led", "Ada Lovelace", "ada@example.org");
        var before = await _host.Get<PartnershipDocuments>().ReadAsync(school.SchoolId, 2025);

        var result = await Create(provider.Id, "2025", school.SchoolId, partner.Id.ToString());
        var after = await _host.Get<PartnershipDocuments>().ReadAsync(school.SchoolId, 2025);

        Assert.Equal(("ecf.3313", "school_id", PartnershipMessages.SchoolNotProviderLed), (result.Error!.Code, result.Error.Title, result.Error.Detail));
        Assert.Equal(ApiErrorKind.Validation, result.Error.Kind);
        Assert.Equal(before!.ETag, after!.ETag);
    }

    [Fact]
    public async Task SetUpAndCreate_TwentyRacingPairs_NoSchoolEndsWithAnotherChoiceAndAnActivePartnership()
    {
        var (provider, partner) = _host.ProviderWithPartner(2025);
        var schools = new List<Domain.Schools.School>();
        for (var i = 0; i < 20; i++)
        {
            schools.Add(await _host.AddSchoolAsync(100001 + i));
        }

        var pairs = await Task.WhenAll(schools.Select(async school =>
        {
            var choice = Task.Run(() => SetUp(school.Urn, "2025", "school_led", "Ada Lovelace", "ada@example.org"));
            var partnership = Task.Run(() => Create(provider.Id, "2025", school.SchoolId, partner.Id.ToString()));
            return (School: school, Choice: await choice, Partnership: await partnership);
        }));

        foreach (var (school, choice, partnership) in pairs)
        {
            var stored = (await _host.Get<PartnershipDocuments>().ReadAsync(school.SchoolId, 2025))!.Value;
            var view = await _host.Get<GetEcfSchoolHandler>().HandleAsync(new GetEcfSchoolQuery(school.SchoolId, 2025));
            Assert.False(stored.Default is not null && stored.InductionProgrammeChoice != InductionProgrammeChoices.ProviderLed, $"School {school.Urn} is {stored.InductionProgrammeChoice} with an active partnership.");
            Assert.NotEqual(choice.IsSuccess, partnership.IsSuccess);
            Assert.Contains(choice.IsSuccess ? partnership.Error!.Code : choice.Error!.Code, new[] { "ecf.3313", "ecf.3322" });
            Assert.Equal((stored.Default is not null, stored.InductionProgrammeChoice), (view.Value.InPartnership, view.Value.InductionProgrammeChoice));
        }
    }

    [Fact]
    public async Task ChallengeAsync_ActivePartnership_FreesTheSchoolAndFlipsTheSchoolView()
    {
        var school = await _host.AddSchoolAsync(100001);
        var (a, aPartner) = _host.ProviderWithPartner(2025);
        var (b, bPartner) = _host.ProviderWithPartner(2025, skip: 1);
        var created = await Create(a.Id, "2025", school.SchoolId, aPartner.Id.ToString());
        var before = await _host.Get<GetEcfSchoolHandler>().HandleAsync(new GetEcfSchoolQuery(school.SchoolId, 2025));

        var challenged = await _host.Get<ChallengePartnershipHandler>().HandleAsync(new ChallengePartnershipCommand(created.Value.PartnershipId, "mistake", Context()));
        var again = await _host.Get<ChallengePartnershipHandler>().HandleAsync(new ChallengePartnershipCommand(created.Value.PartnershipId, "mistake", Context()));
        var after = await _host.Get<GetEcfSchoolHandler>().HandleAsync(new GetEcfSchoolQuery(school.SchoolId, 2025));
        var facts = await _host.Get<Ecf.Application.ProviderViews.IPartnershipFacts>().GetAsync([created.Value.PartnershipId]);
        var other = await Create(b.Id, "2025", school.SchoolId, bPartner.Id.ToString());

        Assert.Equal((true, "provider_led"), (before.Value.InPartnership, before.Value.InductionProgrammeChoice));
        Assert.Equal(("challenged", "mistake"), (challenged.Value.Status, challenged.Value.ChallengedReason));
        Assert.Equal("ecf.3315", again.Error!.Code);
        Assert.Equal((false, "provider_led"), (after.Value.InPartnership, after.Value.InductionProgrammeChoice));
        Assert.True(facts[created.Value.PartnershipId].Challenged);
        Assert.True(other.IsSuccess, other.Error?.Detail);
    }

    [Fact]
    public async Task UpdateAsync_OtherProvidersPartnership_NotFound()
    {
        var school = await _host.AddSchoolAsync(100001);
        var (a, aPartner) = _host.ProviderWithPartner(2025);
        var (b, bPartner) = _host.ProviderWithPartner(2025, skip: 1);
        var created = await Create(a.Id, "2025", school.SchoolId, aPartner.Id.ToString());

        var result = await _host.Get<UpdatePartnershipHandler>().HandleAsync(new UpdatePartnershipCommand(b.Id, created.Value.PartnershipId, bPartner.Id.ToString(), Context()));

        Assert.Equal(("ecf.2001", ApiErrorKind.NotFound), (result.Error!.Code, result.Error.Kind));
    }

    [Fact]
    public async Task UpdateAsync_PartnerWithoutRelationship_RefusedWithItsCode()
    {
        var school = await _host.AddSchoolAsync(100001);
        var (a, aPartner) = _host.ProviderWithPartner(2025);
        var stranger = _host.Reference.DeliveryPartners.First(d => !_host.Reference.GetRelationships(a.Id, 2025).Any(r => r.DeliveryPartnerId == d.Id));
        var created = await Create(a.Id, "2025", school.SchoolId, aPartner.Id.ToString());

        var result = await _host.Get<UpdatePartnershipHandler>().HandleAsync(new UpdatePartnershipCommand(a.Id, created.Value.PartnershipId, stranger.Id.ToString(), Context()));

        Assert.Equal("ecf.3309", result.Error!.Code);
    }

    [Fact]
    public async Task CreateAsync_SchoolHadProviderLastYearAndHasNotSetUpThisYear_ProgrammeNotYetConfirmedUntilTheSchoolSetsItUp()
    {
        var school = await _host.AddSchoolAsync(100001);
        var (lastYear, lastYearPartner) = _host.ProviderWithPartner(2024);
        var (provider, partner) = _host.ProviderWithPartner(2025);
        Assert.True((await Create(lastYear.Id, "2024", school.SchoolId, lastYearPartner.Id.ToString())).IsSuccess);

        var refused = await Create(provider.Id, "2025", school.SchoolId, partner.Id.ToString());
        var stateAfterRefusal = await _host.Get<PartnershipDocuments>().ReadAsync(school.SchoolId, 2025);
        var setUp = await SetUp(school.Urn, "2025", "provider_led", "Grace Hopper", "grace@example.org");
        var created = await Create(provider.Id, "2025", school.SchoolId, partner.Id.ToString());

        Assert.Equal("ecf.3312", refused.Error!.Code);
        Assert.Null(stateAfterRefusal);
        Assert.True(setUp.IsSuccess);
        Assert.True(created.IsSuccess, created.Error?.Detail);
        Assert.Equal(("Grace Hopper", "grace@example.org"), (created.Value.InductionTutorName, created.Value.InductionTutorEmail));
    }

    [Fact]
    public async Task CreateAsync_NoProviderLastYear_NeedsNoSetupAndMakesTheYearProviderLed()
    {
        var school = await _host.AddSchoolAsync(100001);
        var (provider, partner) = _host.ProviderWithPartner(2025);

        var created = await Create(provider.Id, "2025", school.SchoolId, partner.Id.ToString());
        var cohort = await _host.Get<SchoolCohortsHandler>().GetAsync("100001", "2025");

        Assert.True(created.IsSuccess, created.Error?.Detail);
        Assert.Equal(("provider_led", true, null), (cohort.Value.InductionProgrammeChoice, cohort.Value.SetUp, cohort.Value.InductionTutorName));
    }

    [Fact]
    public async Task SetUpAsync_TutorChanged_EveryPartnershipViewOfTheYearShowsTheNewTutorAndARepeatWritesNothing()
    {
        var school = await _host.AddSchoolAsync(100001);
        var (provider, partner) = _host.ProviderWithPartner(2025);
        var created = await Create(provider.Id, "2025", school.SchoolId, partner.Id.ToString());
        _host.Clock.SetUtcNow(_host.Clock.GetUtcNow().AddHours(1));

        await SetUp(school.Urn, "2025", "provider_led", "Ada Lovelace", "ada@example.org");
        var afterFirst = await _host.Get<PartnershipDocuments>().ReadAsync(school.SchoolId, 2025);
        var repeat = await SetUp(school.Urn, "2025", "provider_led", "Ada Lovelace", "ADA@example.org");
        var afterRepeat = await _host.Get<PartnershipDocuments>().ReadAsync(school.SchoolId, 2025);
        var view = await _host.Get<PartnershipDocuments>().ReadViewAsync(provider.Id, created.Value.PartnershipId);

        Assert.Equal(("Ada Lovelace", "ada@example.org"), (view!.InductionTutorName, view.InductionTutorEmail));
        Assert.Equal((created.Value.UpdatedAt.AddHours(1), created.Value.CreatedAt), (view.UpdatedAt, view.CreatedAt));
        Assert.True(repeat.IsSuccess);
        Assert.Equal(afterFirst!.ETag, afterRepeat!.ETag);
        Assert.Equal(PartnershipEventTypes.CohortSetUp, afterRepeat.Value.Timeline[^1].Type);
    }

    [Fact]
    public async Task SetUpAsync_SchoolLedWhileInPartnership_RefusedAndNothingChanges()
    {
        var school = await _host.AddSchoolAsync(100001);
        var (provider, partner) = _host.ProviderWithPartner(2025);
        await Create(provider.Id, "2025", school.SchoolId, partner.Id.ToString());
        var before = await _host.Get<PartnershipDocuments>().ReadAsync(school.SchoolId, 2025);

        var result = await SetUp(school.Urn, "2025", "school_led", "Ada Lovelace", "ada@example.org");
        var after = await _host.Get<PartnershipDocuments>().ReadAsync(school.SchoolId, 2025);

        Assert.Equal(("ecf.3322", "induction_programme_choice"), (result.Error!.Code, result.Error.Title));
        Assert.Equal(before!.ETag, after!.ETag);
    }

    [Fact]
    public async Task SetUpAsync_BadFields_OneCodedErrorPerFieldAndNothingWritten()
    {
        var school = await _host.AddSchoolAsync(100001);

        var result = await SetUp(school.Urn, "2025", "sometimes", " ", "not-an-email");
        var missingChoice = await SetUp(school.Urn, "2025", " ", new string('a', 201), "ada@example.org");
        var stored = await _host.Get<PartnershipDocuments>().ReadAsync(school.SchoolId, 2025);

        Assert.Equal(["ecf.3321", "ecf.3330", "ecf.3333"], result.Errors.Select(e => e.Code).Order(StringComparer.Ordinal));
        Assert.Equal(["ecf.3320", "ecf.3331"], missingChoice.Errors.Select(e => e.Code).Order(StringComparer.Ordinal));
        Assert.Null(stored);
    }

    [Theory]
    [InlineData("999999", "2025")]
    [InlineData("100001", "1999")]
    [InlineData("abc", "2025")]
    public async Task SetUpAsync_UnknownSchoolOrCohort_NotFound(string urn, string cohort)
    {
        await _host.AddSchoolAsync(100001);

        var result = await _host.Get<SchoolCohortsHandler>().SetUpAsync(new SetUpSchoolCohortCommand(urn, cohort, "provider_led", "Ada", "ada@example.org", Context()));

        Assert.Equal(ApiErrorKind.NotFound, result.Error!.Kind);
    }

    [Fact]
    public async Task SetUpAsync_ChoiceChanged_SchoolListingUpdatedAtMovesAndATutorOnlyChangeLeavesIt()
    {
        var school = await _host.AddSchoolAsync(100001);
        var created = school.UpdatedAt;
        _host.Clock.SetUtcNow(_host.Clock.GetUtcNow().AddHours(1));
        await SetUp(school.Urn, "2025", "school_led", "Ada Lovelace", "ada@example.org");
        var afterChoice = await _host.Get<GetEcfSchoolHandler>().HandleAsync(new GetEcfSchoolQuery(school.SchoolId, 2025));
        _host.Clock.SetUtcNow(_host.Clock.GetUtcNow().AddHours(1));

        await SetUp(school.Urn, "2025", "school_led", "Grace Hopper", "grace@example.org");
        var afterTutor = await _host.Get<GetEcfSchoolHandler>().HandleAsync(new GetEcfSchoolQuery(school.SchoolId, 2025));

        Assert.Equal(created.AddHours(1), afterChoice.Value.UpdatedAt);
        Assert.Equal(created.AddHours(1), afterTutor.Value.UpdatedAt);
    }

    [Fact]
    public async Task RepairAsync_ChoiceWrittenWithoutTheSchoolListing_MovesTheListingsUpdatedAtOnce()
    {
        var school = await _host.AddSchoolAsync(100001);
        _host.Clock.SetUtcNow(_host.Clock.GetUtcNow().AddHours(1));
        var decision = PartnershipDecider.SetUpCohort(null, school.SchoolId, 2025, "school_led", "Ada Lovelace", "ada@example.org", Context());
        Assert.True(await _host.Get<PartnershipDocuments>().TryWriteAsync(decision.State!, null));
        var stale = await _host.Get<GetEcfSchoolHandler>().HandleAsync(new GetEcfSchoolQuery(school.SchoolId, 2025));

        await _host.Get<Ecf.Application.ProviderViews.IPartnershipFactsRepair>().RepairAsync(decision.State!);
        var repaired = await _host.Get<GetEcfSchoolHandler>().HandleAsync(new GetEcfSchoolQuery(school.SchoolId, 2025));
        var again = await _host.Get<SchoolDocuments>().MarkCohortsUpdatedAsync(school.SchoolId, _host.Clock.GetUtcNow());

        Assert.Equal(school.UpdatedAt, stale.Value.UpdatedAt);
        Assert.Equal(_host.Clock.GetUtcNow(), repaired.Value.UpdatedAt);
        Assert.False(again);
    }

    [Fact]
    public async Task WriteAsync_GiasChangeAfterAChoice_KeepsTheChoiceInTheSchoolsUpdatedAt()
    {
        var school = await _host.AddSchoolAsync(100001);
        var choiceAt = _host.Clock.GetUtcNow().AddHours(2);
        _host.Clock.SetUtcNow(choiceAt);
        await SetUp(school.Urn, "2025", "school_led", "Ada Lovelace", "ada@example.org");
        var schools = _host.Get<SchoolDocuments>();
        var stored = (await schools.ReadAsync(school.SchoolId))!;

        var renamed = Domain.Schools.SchoolDecider.ApplyFacts(stored.School, stored.School.Gias with { Name = "Renamed" }, new Domain.Schools.SchoolChangeContext(choiceAt.AddHours(-1), "test", "test")).School!;
        Assert.Empty(await schools.WriteAsync([(renamed, stored.ETag)]));
        var view = await _host.Get<GetEcfSchoolHandler>().HandleAsync(new GetEcfSchoolQuery(school.SchoolId, 2025));

        Assert.Equal(("Renamed", choiceAt), (view.Value.Name, view.Value.UpdatedAt));
    }

    private Task<Result<SchoolCohortView>> SetUp(int urn, string cohort, string choice, string name, string email) =>
        _host.Get<SchoolCohortsHandler>().SetUpAsync(new SetUpSchoolCohortCommand(urn.ToString(System.Globalization.CultureInfo.InvariantCulture), cohort, choice, name, email, Context()));

    private Task<Result<PartnershipView>> Create(Guid provider, string cohort, string schoolId, string partner) =>
        _host.Get<CreatePartnershipHandler>().HandleAsync(new CreatePartnershipCommand(provider, cohort, schoolId, partner, Context()));

    private PartnershipChangeContext Context() => new(_host.Clock.GetUtcNow(), ActorTypes.LeadProviderApi, null, "corr");
}
