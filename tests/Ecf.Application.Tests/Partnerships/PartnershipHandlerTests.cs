using Ecf.Application.Partnerships;
using Ecf.Application.Schools;
using Ecf.Application.Tests.People;
using Ecf.Domain.Partnerships;
using Ecf.Domain.People;

namespace Ecf.Application.Tests.Partnerships;

/// <summary>Partnership rules (DOMAIN-FACTS §1.6) and the schools view, on the real embedded store.</summary>
public sealed class PartnershipHandlerTests : IAsyncLifetime
{
    private PeopleTestHost _host = null!;

    public async Task InitializeAsync() => _host = await PeopleTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CreateAsync_BadInput_OneErrorPerAttribute()
    {
        var (provider, _) = _host.ProviderWithPartner(2025);

        var result = await Create(provider.Id, "1999", Guid.NewGuid().ToString(), "nope");

        Assert.Equal(["cohort", "delivery_partner_id", "school_id"], result.Errors.Select(e => e.Title).Order(StringComparer.Ordinal));
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

        Assert.Equal(PartnershipMessages.NoRelationship, noRelationship.Error!.Detail);
        Assert.Equal(PartnershipMessages.CipOnly, cip.Error!.Detail);
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
        Assert.Equal(PartnershipDecider.RecruitedByOther, Assert.Single(results, r => !r.IsSuccess).Error!.Detail);
        var stored = await _host.Get<PartnershipDocuments>().ReadAsync(school.SchoolId, 2025);
        Assert.Single(stored!.Value.Partnerships);
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
        var after = await _host.Get<GetEcfSchoolHandler>().HandleAsync(new GetEcfSchoolQuery(school.SchoolId, 2025));
        var facts = await _host.Get<Ecf.Application.ProviderViews.IPartnershipFacts>().GetAsync([created.Value.PartnershipId]);
        var other = await Create(b.Id, "2025", school.SchoolId, bPartner.Id.ToString());

        Assert.Equal((true, "provider_led"), (before.Value.InPartnership, before.Value.InductionProgrammeChoice));
        Assert.Equal(("challenged", "mistake"), (challenged.Value.Status, challenged.Value.ChallengedReason));
        Assert.Equal((false, "not_yet_known"), (after.Value.InPartnership, after.Value.InductionProgrammeChoice));
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

        Assert.Equal(Ecf.Application.Errors.ApiErrorKind.NotFound, result.Error!.Kind);
    }

    private Task<Ecf.Application.Errors.Result<PartnershipView>> Create(Guid provider, string cohort, string schoolId, string partner) =>
        _host.Get<CreatePartnershipHandler>().HandleAsync(new CreatePartnershipCommand(provider, cohort, schoolId, partner, Context()));

    private PartnershipChangeContext Context() => new(_host.Clock.GetUtcNow(), ActorTypes.LeadProviderApi, null, "corr");
}
