using System.Text.Json;
using Ecf.Application.Participants;
using Ecf.Application.Partnerships;
using Ecf.Application.ProviderViews;
using Ecf.Application.Registrations;
using Ecf.Application.Schools;
using Ecf.Domain.Partnerships;
using Ecf.Domain.People;
using Ecf.Domain.Schools;
using Ecf.Storage;
using Ecf.TestKit;

namespace Ecf.Application.Tests.ProviderViews;

/// <summary>
/// Participant views follow the partnerships and schools they show (challenge, delivery partner change, academisation), on the
/// request path and, when that stopped after its own write, from the schools change feed; on the real embedded store.
/// </summary>
public sealed class ViewDependencyTests : IAsyncLifetime
{
    private StoreHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHosts.PeopleAsync(providerViews: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ChallengeAsync_PartnershipOfAParticipant_ProviderStopsSeeingItAndOtherProvidersUntouched()
    {
        var (a, partnershipId, personId) = await RegisterThroughPartnershipAsync(100001, "1000001");
        var (b, _, otherId) = await RegisterThroughPartnershipAsync(100002, "1000002", skip: 1);
        var otherBefore = await ViewAsync(b.Id, otherId);

        var challenged = await _host.Get<ChallengePartnershipHandler>().HandleAsync(new ChallengePartnershipCommand(partnershipId, "mistake", Context()));

        Assert.True(challenged.IsSuccess, challenged.Error?.Detail);
        await AssertInvisibleAsync(a.Id, personId);
        Assert.Equal(otherBefore, await ViewAsync(b.Id, otherId));
        Assert.Equal([otherId], await ListIdsAsync(b.Id));
    }

    [Fact]
    public async Task UpdateAsync_DeliveryPartnerChanged_EnrolmentShowsItAndUpdatedAtMoves()
    {
        var (a, partnershipId, personId) = await RegisterThroughPartnershipAsync(100001, "1000001");
        var (b, _, otherId) = await RegisterThroughPartnershipAsync(100002, "1000002", skip: 1);
        var otherBefore = await ViewAsync(b.Id, otherId);
        var newPartner = OtherPartner(a.Id, await DeliveryPartnerAsync(a.Id, personId));
        _host.Clock.SetUtcNow(_host.Clock.GetUtcNow().AddHours(1));

        var updated = await _host.Get<UpdatePartnershipHandler>().HandleAsync(new UpdatePartnershipCommand(a.Id, partnershipId, newPartner.ToString(), Context()));

        Assert.True(updated.IsSuccess, updated.Error?.Detail);
        var resource = await ResourceAsync(a.Id, personId);
        Assert.Equal(newPartner.ToString("D"), resource.GetProperty("attributes").GetProperty("ecf_enrolments")[0].GetProperty("delivery_partner_id").GetString());
        Assert.Equal(V3Json.Time(_host.Clock.GetUtcNow()), resource.GetProperty("attributes").GetProperty("updated_at").GetString());
        Assert.Equal(otherBefore, await ViewAsync(b.Id, otherId));
    }

    [Fact]
    public async Task RunOnceAsync_ChallengeWrittenWithoutItsDerivedDocumentsOrReprojection_HidesTheParticipantAndRepairsTheFacts()
    {
        var (a, partnershipId, personId) = await RegisterThroughPartnershipAsync(100001, "1000001");
        await _host.Get<ViewDependencyProjector>().RunOnceAsync();
        var school = await SchoolOfAsync(partnershipId);
        await WriteYearOnlyAsync(school, year => PartnershipDecider.Challenge(year, partnershipId, "mistake", Context()));
        var staleFacts = await _host.Get<IPartnershipFacts>().GetAsync([partnershipId]);

        var run = await _host.Get<ViewDependencyProjector>().RunOnceAsync();

        Assert.False(staleFacts[partnershipId].Challenged);
        Assert.Equal(1, run.People);
        await AssertInvisibleAsync(a.Id, personId);
        Assert.True((await _host.Get<IPartnershipFacts>().GetAsync([partnershipId]))[partnershipId].Challenged);
        Assert.Equal("challenged", (await _host.Get<PartnershipDocuments>().ReadViewAsync(a.Id, partnershipId))!.Status);
    }

    [Fact]
    public async Task RunOnceAsync_DeliveryPartnerChangeWrittenWithoutReprojection_ShowsTheNewPartnerAndSecondRunWritesNothing()
    {
        var (a, partnershipId, personId) = await RegisterThroughPartnershipAsync(100001, "1000001");
        var newPartner = OtherPartner(a.Id, await DeliveryPartnerAsync(a.Id, personId));
        _host.Clock.SetUtcNow(_host.Clock.GetUtcNow().AddHours(1));
        await WriteYearOnlyAsync(await SchoolOfAsync(partnershipId), year => PartnershipDecider.ChangeDeliveryPartner(year, partnershipId, newPartner, Context()));
        var before = await DeliveryPartnerAsync(a.Id, personId);

        var first = await _host.Get<ViewDependencyProjector>().RunOnceAsync();
        var second = await _host.Get<ViewDependencyProjector>().RunOnceAsync();

        Assert.NotEqual(newPartner.ToString("D"), before);
        Assert.Equal(newPartner.ToString("D"), await DeliveryPartnerAsync(a.Id, personId));
        Assert.Equal(V3Json.Time(_host.Clock.GetUtcNow()), (await ResourceAsync(a.Id, personId)).GetProperty("attributes").GetProperty("updated_at").GetString());
        Assert.True(first.Writes > 0);
        Assert.Equal((0, 0), (second.People, second.Writes));
    }

    [Fact]
    public async Task RunOnceAsync_SchoolAcademised_EnrolmentAndPartnershipShowTheNewUrnAndUpdatedAtMoves()
    {
        var (a, partnershipId, personId) = await RegisterThroughPartnershipAsync(100001, "1000001");
        var (b, _, otherId) = await RegisterThroughPartnershipAsync(100002, "1000002", skip: 1);
        var otherBefore = await ViewAsync(b.Id, otherId);
        await _host.Get<ViewDependencyProjector>().RunOnceAsync();
        _host.Clock.SetUtcNow(_host.Clock.GetUtcNow().AddDays(1));
        await AcademiseAsync(100001, 140001);
        var before = await SchoolUrnAsync(a.Id, personId);

        var run = await _host.Get<ViewDependencyProjector>().RunOnceAsync();

        Assert.Equal("100001", before);
        Assert.Equal(1, run.People);
        Assert.Equal("140001", await SchoolUrnAsync(a.Id, personId));
        Assert.Equal(V3Json.Time(_host.Clock.GetUtcNow()), (await ResourceAsync(a.Id, personId)).GetProperty("attributes").GetProperty("updated_at").GetString());
        Assert.Equal("140001", (await _host.Get<PartnershipDocuments>().ReadViewAsync(a.Id, partnershipId))!.Urn);
        Assert.Equal(otherBefore, await ViewAsync(b.Id, otherId));
    }

    [Fact]
    public async Task WriteAsync_PersonAtAnAcademisedSchool_ShowsTheCurrentUrn()
    {
        var (a, _, personId) = await RegisterThroughPartnershipAsync(100001, "1000001");
        await AcademiseAsync(100001, 140001);
        var person = (await _host.Get<Ecf.Application.People.PersonDocuments>().ReadAsync(personId))!.Person;

        await _host.Get<ProviderViewWriter>().ProjectAsync(null, person);

        Assert.Equal("140001", await SchoolUrnAsync(a.Id, personId));
    }

    [Fact]
    public async Task RunOnceAsync_DualRoleAtTwoSchoolsOfOneProvider_TheMentorSchoolsAcademisationAndChallengeReachTheView()
    {
        var (a, _, personId) = await RegisterThroughPartnershipAsync(100001, "1000001");
        var mentorSchool = await _host.AddSchoolAsync(100003);
        var partner = _host.Reference.GetRelationships(a.Id, 2025)[0].DeliveryPartnerId;
        var partnership = await _host.Get<CreatePartnershipHandler>().HandleAsync(new CreatePartnershipCommand(a.Id, "2025", mentorSchool.SchoolId, partner.ToString(), Context()));
        var mentor = await _host.Get<RegisterParticipantHandler>().HandleAsync(new RegisterParticipantCommand(
            new Ecf.Domain.Registrations.RegistrationRequest(ParticipationTypes.Mentor, "1000001", "Ada Lovelace", "1990-01-31", "ada@example.org", "100003", null,
            TrainingProgrammes.ProviderLed, null, null, null), new Actor(ActorTypes.SchoolService, "t"), "corr"));
        Assert.True(mentor.IsSuccess, mentor.Error?.Detail);
        var view = await _host.Store.GetContainer(Ecf.Application.Storage.EcfContainers.ProviderViews)
            .ReadAsync<ProviderViewDocument>(ProviderViewKinds.Partition(a.Id), ProviderViewKinds.ParticipantId(personId));
        await _host.Get<ViewDependencyProjector>().RunOnceAsync();
        _host.Clock.SetUtcNow(_host.Clock.GetUtcNow().AddDays(1));
        await AcademiseAsync(100003, 140003);

        await _host.Get<ViewDependencyProjector>().RunOnceAsync();
        var afterAcademisation = await EnrolmentUrnsAsync(a.Id, personId);
        var challenged = await _host.Get<ChallengePartnershipHandler>().HandleAsync(new ChallengePartnershipCommand(partnership.Value.PartnershipId, "mistake", Context()));

        Assert.Equal((true, null, null, 2, 2), (view!.ManyDependencies, view.PartnershipId, view.SchoolId, view.PartnershipIds!.Count, view.SchoolIds!.Count));
        Assert.Equal([("ect", "100001"), ("mentor", "140003")], afterAcademisation);
        Assert.True(challenged.IsSuccess, challenged.Error?.Detail);
        Assert.Equal([("ect", "100001")], await EnrolmentUrnsAsync(a.Id, personId));
    }

    private async Task<List<(string Type, string Urn)>> EnrolmentUrnsAsync(Guid provider, string personId) =>
        [.. (await ResourceAsync(provider, personId)).GetProperty("attributes").GetProperty("ecf_enrolments").EnumerateArray()
            .Select(e => (e.GetProperty("participant_type").GetString()!, e.GetProperty("school_urn").GetString()!))];

    /// <summary>A school, a provider's partnership with it for 2025, and an ECT registered through it (no provider named).</summary>
    private async Task<(Ecf.Domain.ReferenceData.LeadProvider Provider, string PartnershipId, string PersonId)> RegisterThroughPartnershipAsync(int urn, string trn, int skip = 0)
    {
        var school = await _host.AddSchoolAsync(urn);
        var (provider, partner) = _host.ProviderWithPartner(2025, skip);
        var created = await _host.Get<CreatePartnershipHandler>().HandleAsync(new CreatePartnershipCommand(provider.Id, "2025", school.SchoolId, partner.Id.ToString(), Context()));
        Assert.True(created.IsSuccess, created.Error?.Detail);
        var registered = await _host.Get<RegisterParticipantHandler>().HandleAsync(new RegisterParticipantCommand(
            new Ecf.Domain.Registrations.RegistrationRequest(ParticipationTypes.Ect, trn, "Ada Lovelace", "1990-01-31", "ada@example.org", urn.ToString(System.Globalization.CultureInfo.InvariantCulture), "2025-09-01",
            TrainingProgrammes.ProviderLed, null, null, null), new Actor(ActorTypes.SchoolService, "t"), "corr"));
        Assert.True(registered.IsSuccess, registered.Error?.Detail);
        Assert.Equal(created.Value.PartnershipId, registered.Value.TrainingPeriod.PartnershipId);
        Assert.Equal([registered.Value.ParticipantId], await ListIdsAsync(provider.Id));
        return (provider, created.Value.PartnershipId, registered.Value.ParticipantId);
    }

    /// <summary>Writes only the school's year document, as a request that stopped right after it would have.</summary>
    private async Task WriteYearOnlyAsync(string schoolId, Func<SchoolPartnerships, PartnershipDecision> decide)
    {
        var documents = _host.Get<PartnershipDocuments>();
        var stored = (await documents.ReadAsync(schoolId, 2025))!;
        Assert.True(await documents.TryWriteAsync(decide(stored.Value).State!, stored.ETag));
    }

    /// <summary>GIAS academisation: the school closes, its successor opens, and the school takes the successor's URN (same id).</summary>
    private async Task AcademiseAsync(int urn, int successorUrn)
    {
        var schools = _host.Get<SchoolDocuments>();
        var context = new SchoolChangeContext(_host.Clock.GetUtcNow(), "test", "test");
        var open = (await schools.FindByUrnAsync(urn))!;
        var closed = SchoolDecider.ApplyFacts(open.School, open.School.Gias with { StatusCode = GiasEstablishmentStatus.Closed }, context).School!;
        Assert.Empty(await schools.WriteAsync([(closed, open.ETag)]));
        var successor = await _host.AddSchoolAsync(successorUrn);
        var predecessor = (await schools.FindByUrnAsync(urn))!;
        var decision = SchoolLinkDecider.Decide(predecessor.School, [new GiasLink(urn, successorUrn, null, GiasLink.Successor, null)], successor, context);
        Assert.Equal(SchoolLinkOutcome.Academised, decision.Outcome);
        var successorStored = (await schools.ReadAsync(successor.SchoolId))!;
        Assert.Empty(await schools.WriteAsync([(decision.Predecessor!, predecessor.ETag), (decision.Successor!, successorStored.ETag)]));
    }

    private async Task<string> SchoolOfAsync(string partnershipId) => (await _host.Get<PartnershipDocuments>().FindAsync(partnershipId))!.SchoolId;

    private Guid OtherPartner(Guid provider, string? current) =>
        _host.Reference.GetRelationships(provider, 2025).Select(r => r.DeliveryPartnerId).First(id => id.ToString("D") != current);

    private async Task AssertInvisibleAsync(Guid provider, string personId)
    {
        var get = _host.Get<GetParticipantHandler>();
        var seen = await get.GetParticipantAsync(provider, personId);
        var unknown = await get.GetParticipantAsync(provider, Guid.NewGuid().ToString("D"));
        Assert.False(seen.IsSuccess);
        Assert.Equal(unknown.Error, seen.Error);
        Assert.Empty(await ListIdsAsync(provider));
    }

    private async Task<List<string>> ListIdsAsync(Guid provider)
    {
        var page = await _host.Get<ListParticipantsHandler>().HandleAsync(new ListParticipantsQuery(provider, null, null, null, null, ParticipantOrder.CreatedAt, false, 1, 100));
        return [.. page.Select(r => JsonDocument.Parse(r).RootElement.GetProperty("id").GetString()!)];
    }

    private async Task<string?> ViewAsync(Guid provider, string personId) =>
        (await _host.Store.GetContainer(Storage.EcfContainers.ProviderViews).ReadAsync(ProviderViewKinds.Partition(provider), ProviderViewKinds.ParticipantId(personId)))?.ETag;

    private async Task<JsonElement> ResourceAsync(Guid provider, string personId)
    {
        var result = await _host.Get<GetParticipantHandler>().GetParticipantAsync(provider, personId);
        Assert.True(result.IsSuccess);
        return JsonDocument.Parse(result.Value).RootElement.Clone();
    }

    private async Task<string?> DeliveryPartnerAsync(Guid provider, string personId) =>
        (await ResourceAsync(provider, personId)).GetProperty("attributes").GetProperty("ecf_enrolments")[0].GetProperty("delivery_partner_id").GetString();

    private async Task<string?> SchoolUrnAsync(Guid provider, string personId) =>
        (await ResourceAsync(provider, personId)).GetProperty("attributes").GetProperty("ecf_enrolments")[0].GetProperty("school_urn").GetString();

    private PartnershipChangeContext Context() => new(_host.Clock.GetUtcNow(), ActorTypes.LeadProviderApi, null, "corr");
}
