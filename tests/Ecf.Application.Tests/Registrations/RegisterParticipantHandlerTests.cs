using Ecf.Application.Partnerships;
using Ecf.Application.People;
using Ecf.Application.ProviderViews;
using Ecf.Application.Registrations;
using Ecf.Application.Storage;
using Ecf.Domain.Partnerships;
using Ecf.Domain.People;
using Ecf.Domain.Registrations;
using Ecf.Storage;
using Ecf.TestKit;
using Moq;

namespace Ecf.Application.Tests.Registrations;

/// <summary>Registrations on the real embedded store.</summary>
public sealed class RegisterParticipantHandlerTests : IAsyncLifetime
{
    private StoreHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHosts.PeopleAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task HandleAsync_NewEctWithProvider_WritesPersonReservationAndTimeline()
    {
        await _host.AddSchoolAsync(100001);
        var (provider, partner) = _host.ProviderWithPartner(2025);

        var result = await RegisterAsync(Ect("1234567", "100001", provider.Id, partner.Id));

        Assert.True(result.IsSuccess, result.Error?.Detail);
        var r = result.Value;
        Assert.Equal(RegistrationOutcome.Created, r.Outcome);
        Assert.Equal((2025, 2025, "ecf-standard-september", provider.Id, partner.Id), (r.TrainingPeriod.Cohort, r.TrainingPeriod.ContractYear, r.TrainingPeriod.ScheduleIdentifier, r.TrainingPeriod.LeadProviderId, r.TrainingPeriod.DeliveryPartnerId));
        var people = _host.Get<PersonDocuments>();
        Assert.Equal(r.ParticipantId, await people.FindPersonIdByTrnAsync("1234567"));
        var person = (await people.ReadAsync(r.ParticipantId))!.Person;
        var timeline = await people.ReadTimelineAsync(r.ParticipantId);
        Assert.Equal(person.TimelineSequence, timeline.Count);
        Assert.Equal(Enumerable.Range(1, timeline.Count), timeline.Select(e => e.Sequence));
        Assert.All(timeline, e => Assert.Equal("corr", e.CorrelationId));
    }

    [Fact]
    public async Task HandleAsync_SchoolWithUpliftsForTheCohort_ParticipationKeepsThemAndTheProviderSeesThem()
    {
        await _host.AddSchoolAsync(100001);
        await _host.AddSchoolAsync(100002);
        var (provider, partner) = _host.ProviderWithPartner(2025);
        using (var file = new MemoryStream("URN,Pupil Premium Incentive,Sparsity Incentive\n100001,1,0\n"u8.ToArray()))
        {
            Assert.True((await _host.Get<Ecf.Application.Schools.ImportSchoolUpliftsHandler>().HandleAsync(2025, file)).IsSuccess);
        }

        var withUplift = await RegisterAsync(Ect("1234567", "100001", provider.Id, partner.Id));
        var without = await RegisterAsync(Ect("7654321", "100002", provider.Id, partner.Id));

        var person = (await _host.Get<PersonDocuments>().ReadAsync(withUplift.Value.ParticipantId))!.Person;
        var participation = Assert.Single(person.Participations);
        Assert.Equal((true, false), (participation.PupilPremiumUplift, participation.SparsityUplift));
        var other = Assert.Single((await _host.Get<PersonDocuments>().ReadAsync(without.Value.ParticipantId))!.Person.Participations);
        Assert.Equal((false, false), (other.PupilPremiumUplift, other.SparsityUplift));
        var enrolment = Ecf.Application.ProviderViews.ParticipantProjection.Enrolment(person, participation, new Dictionary<string, Ecf.Application.ProviderViews.PartnershipFact>());
        Assert.Equal((true, false), (enrolment.PupilPremiumUplift, enrolment.SparsityUplift));
    }

    [Fact]
    public async Task HandleAsync_EveryFieldWrong_OneErrorPerFieldAndNothingWritten()
    {
        await _host.AddSchoolAsync(100001);
        var request = new RegistrationRequest(
            ParticipationTypes.Ect, "12345", "", "2099-01-01", "not-an-email", "999999", "someday", "sometimes",
            Guid.NewGuid().ToString(), "not-a-guid", Guid.NewGuid().ToString());

        var result = await RegisterAsync(request);

        Assert.False(result.IsSuccess);
        Assert.Equal(
            ["date_of_birth", "delivery_partner_id", "email", "full_name", "induction_start_date", "lead_provider_id", "mentor_id", "school_urn", "training_programme", "trn"],
            result.Errors.Select(e => e.Title).Order(StringComparer.Ordinal));
        Assert.Empty((await _host.Store.GetContainer(EcfContainers.People).QueryCrossPartitionAsync(DocumentQuery.All())).Documents);
        Assert.Empty((await _host.Store.GetContainer(EcfContainers.Identifiers).QueryCrossPartitionAsync(DocumentQuery.All())).Documents);
    }

    [Theory]
    [InlineData("10", "school_urn")]
    [InlineData("1", null)]
    public async Task HandleAsync_SchoolEligibility_RefusesCipOnlySchool(string typeCode, string? errorField)
    {
        await _host.AddSchoolAsync(100009, typeCode);
        var (provider, partner) = _host.ProviderWithPartner(2025);

        var result = await RegisterAsync(Ect("1234567", "100009", provider.Id, partner.Id));

        Assert.Equal(errorField, result.Error?.Title);
    }

    [Fact]
    public async Task HandleAsync_SameTrnTwice_IsIdempotent()
    {
        await _host.AddSchoolAsync(100001);
        var (provider, partner) = _host.ProviderWithPartner(2025);

        var first = await RegisterAsync(Ect("1234567", "100001", provider.Id, partner.Id));
        var second = await RegisterAsync(Ect("1234567", "100001", provider.Id, partner.Id));

        Assert.Equal(RegistrationOutcome.Unchanged, second.Value.Outcome);
        Assert.Equal((first.Value.ParticipantId, first.Value.TrainingRecordId), (second.Value.ParticipantId, second.Value.TrainingRecordId));
        var person = (await _host.Get<PersonDocuments>().ReadAsync(first.Value.ParticipantId))!.Person;
        Assert.Single(person.Participations);
    }

    [Fact]
    public async Task HandleAsync_SameTrnInParallel_MakesOnePerson()
    {
        await _host.AddSchoolAsync(100001);
        var (provider, partner) = _host.ProviderWithPartner(2025);

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => RegisterAsync(Ect("7654321", "100001", provider.Id, partner.Id)))));

        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error?.Detail));
        Assert.Single(results.Select(r => r.Value.ParticipantId).Distinct());
        Assert.Single(results, r => r.Value.Outcome == RegistrationOutcome.Created);
        var people = (await _host.Store.GetContainer(EcfContainers.People).QueryCrossPartitionAsync(DocumentQuery.All(1000).WhereEquals("kind", Person.DocumentKind))).Documents;
        var person = Assert.Single(people).As<Person>();
        Assert.Single(person.Participations);
        Assert.Single(person.Participations[0].AtSchoolPeriods);
    }

    [Fact]
    public async Task HandleAsync_SameTrnInParallelAtTwoSchools_OnePersonWithATransfer()
    {
        await _host.AddSchoolAsync(100001);
        await _host.AddSchoolAsync(100002);
        var (provider, partner) = _host.ProviderWithPartner(2025);

        var results = await Task.WhenAll(
            Task.Run(() => RegisterAsync(Ect("5550001", "100001", provider.Id, partner.Id))),
            Task.Run(() => RegisterAsync(Ect("5550001", "100002", provider.Id, partner.Id))));

        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error?.Detail));
        Assert.Equal([RegistrationOutcome.Created, RegistrationOutcome.Transferred], results.Select(r => r.Value.Outcome).Order());
        var person = (await _host.Get<PersonDocuments>().ReadAsync(results[0].Value.ParticipantId))!.Person;
        var ect = Assert.Single(person.Participations);
        Assert.Equal(2, ect.AtSchoolPeriods.Count);
        Assert.Single(ect.AtSchoolPeriods, p => p.To is null);
        Assert.Single(ect.TrainingPeriods, p => p.To is null);
    }

    [Fact]
    public async Task HandleAsync_TransferKeepsProviderWhenNewSchoolHasNoPartnership()
    {
        await _host.AddSchoolAsync(100001);
        await _host.AddSchoolAsync(100002);
        var (provider, partner) = _host.ProviderWithPartner(2025);
        var first = await RegisterAsync(Ect("1112223", "100001", provider.Id, partner.Id));

        var moved = await RegisterAsync(Ect("1112223", "100002", null, null));

        Assert.Equal(RegistrationOutcome.Transferred, moved.Value.Outcome);
        Assert.Equal(first.Value.TrainingRecordId, moved.Value.TrainingRecordId);
        Assert.Equal((provider.Id, (Guid?)partner.Id, (string?)null), (moved.Value.TrainingPeriod.LeadProviderId!.Value, moved.Value.TrainingPeriod.DeliveryPartnerId, moved.Value.TrainingPeriod.PartnershipId));
        var timeline = await _host.Get<PersonDocuments>().ReadTimelineAsync(first.Value.ParticipantId);
        Assert.Contains(timeline, e => e.Type == PersonEventTypes.SchoolPeriodFinished);
    }

    [Fact]
    public async Task HandleAsync_NoProvider_UsesTheSchoolsDefaultPartnershipOrRefuses()
    {
        var school = await _host.AddSchoolAsync(100001);
        var (provider, partner) = _host.ProviderWithPartner(2025);

        var refused = await RegisterAsync(Ect("2223334", "100001", null, null));
        var created = await _host.Get<CreatePartnershipHandler>().HandleAsync(new CreatePartnershipCommand(
            provider.Id, "2025", school.SchoolId, partner.Id.ToString(), new PartnershipChangeContext(_host.Clock.GetUtcNow(), ActorTypes.LeadProviderApi, null, "c")));
        var placed = await RegisterAsync(Ect("2223334", "100001", null, null));

        Assert.Equal("lead_provider_id", refused.Error!.Title);
        Assert.True(created.IsSuccess, created.Error?.Detail);
        Assert.Equal((provider.Id, created.Value.PartnershipId), (placed.Value.TrainingPeriod.LeadProviderId!.Value, placed.Value.TrainingPeriod.PartnershipId));
    }

    [Fact]
    public async Task HandleAsync_MentorAtTheSchool_LinksTheEctToIt()
    {
        await _host.AddSchoolAsync(100001);
        await _host.AddSchoolAsync(100002);
        var (provider, partner) = _host.ProviderWithPartner(2025);
        var mentor = await RegisterAsync(Mentor("3334445", "100001", provider.Id, partner.Id));

        var elsewhere = await RegisterAsync(Ect("4445556", "100002", provider.Id, partner.Id) with { MentorId = mentor.Value.ParticipantId });
        var here = await RegisterAsync(Ect("4445556", "100001", provider.Id, partner.Id) with { MentorId = mentor.Value.ParticipantId });

        Assert.Equal("mentor_id", elsewhere.Error!.Title);
        Assert.Equal(mentor.Value.ParticipantId, here.Value.MentorId);
    }

    [Fact]
    public async Task HandleAsync_SchoolLed_HasNoProviderOrSchedule()
    {
        await _host.AddSchoolAsync(100001);

        var result = await RegisterAsync(Ect("6667778", "100001", null, null) with { TrainingProgramme = TrainingProgrammes.SchoolLed });

        Assert.Equal((null, null, null), (result.Value.TrainingPeriod.LeadProviderId, result.Value.TrainingPeriod.ScheduleIdentifier, result.Value.TrainingPeriod.PartnershipId));
    }

    [Fact]
    public async Task HandleAsync_TransferOfUnfinishedEctInFrozenCohortWithoutBillableDeclarations_MovesTo2024AsAFreshStart()
    {
        // Arrange: registered in 2022's contract year before its payments were frozen (16 June 2025), so the clock starts in 2023.
        await _host.DisposeAsync();
        _host = await TestHosts.PeopleAsync(new DateTimeOffset(2023, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await _host.AddSchoolAsync(100001);
        await _host.AddSchoolAsync(100002);
        var (provider, partner) = _host.ProviderWithPartner(2022);
        var first = await RegisterAsync(Ect("8889990", "100001", provider.Id, partner.Id) with { InductionStartDate = "2022-09-01" });
        _host.Clock.SetUtcNow(new DateTimeOffset(2025, 10, 15, 9, 0, 0, TimeSpan.Zero));

        // Act
        var moved = await RegisterAsync(Ect("8889990", "100002", null, null) with { InductionStartDate = "2022-09-01" });

        // Assert
        Assert.Equal((2022, 2022), (first.Value.TrainingPeriod.Cohort, first.Value.TrainingPeriod.ContractYear));
        Assert.Equal(RegistrationOutcome.Transferred, moved.Value.Outcome);
        Assert.Equal((2024, 2024, first.Value.TrainingPeriod.ScheduleIdentifier, provider.Id), (moved.Value.TrainingPeriod.Cohort, moved.Value.TrainingPeriod.ContractYear, moved.Value.TrainingPeriod.ScheduleIdentifier, moved.Value.TrainingPeriod.LeadProviderId!.Value));
        var person = (await _host.Get<PersonDocuments>().ReadAsync(first.Value.ParticipantId))!.Person;
        Assert.False(person.Participations[0].CohortChangedAfterPaymentsFrozen);
        Assert.Equal(2022, person.Participations[0].TrainingPeriods[0].ContractYear);
        var timeline = await _host.Get<PersonDocuments>().ReadTimelineAsync(first.Value.ParticipantId);
        Assert.DoesNotContain(timeline, e => e.Data is MovedOutOfFrozenCohort);
    }

    [Fact]
    public async Task HandleAsync_TransferInAnOpenCohort_KeepsCohortAndSchedule()
    {
        // Arrange
        await _host.AddSchoolAsync(100001);
        await _host.AddSchoolAsync(100002);
        var (provider, partner) = _host.ProviderWithPartner(2025);
        var first = await RegisterAsync(Ect("8889991", "100001", provider.Id, partner.Id));

        // Act
        var moved = await RegisterAsync(Ect("8889991", "100002", null, null));

        // Assert
        Assert.Equal((2025, 2025, first.Value.TrainingPeriod.ScheduleIdentifier), (moved.Value.TrainingPeriod.Cohort, moved.Value.TrainingPeriod.ContractYear, moved.Value.TrainingPeriod.ScheduleIdentifier));
        Assert.False((await _host.Get<PersonDocuments>().ReadAsync(first.Value.ParticipantId))!.Person.Participations[0].CohortChangedAfterPaymentsFrozen);
    }

    [Fact]
    public async Task HandleAsync_NewEctWithInductionStartInFrozenCohort_ContractYearIsTheActiveRegistrationCohort()
    {
        // Arrange: 15 October 2025, 2022's payments frozen; 2025 is the active registration cohort.
        await _host.AddSchoolAsync(100001);
        var (provider, partner) = _host.ProviderWithPartner(2025);

        // Act
        var result = await RegisterAsync(Ect("8889992", "100001", provider.Id, partner.Id) with { InductionStartDate = "2022-09-01" });

        // Assert
        Assert.True(result.IsSuccess, result.Error?.Detail);
        Assert.Equal((2022, 2025, "ecf-extended-september"), (result.Value.TrainingPeriod.Cohort, result.Value.TrainingPeriod.ContractYear, result.Value.TrainingPeriod.ScheduleIdentifier));
        var person = (await _host.Get<PersonDocuments>().ReadAsync(result.Value.ParticipantId))!.Person;
        Assert.Equal("2025", ParticipantProjection.Enrolment(person, person.Participations[0], new Dictionary<string, PartnershipFact>()).Cohort);
    }

    [Fact]
    public async Task HandleAsync_ProviderViewWriteFailsAfterThePersonIsWritten_StillCreatedAndTheProjectorMakesTheView()
    {
        await using var host = await TestHosts.PeopleAsync(providerViews: true);
        await host.AddSchoolAsync(100001);
        var (provider, partner) = host.ProviderWithPartner(2025);
        var failingViews = new Mock<IProviderViewWriter>();
        failingViews.Setup(w => w.WriteAsync(It.IsAny<Person?>(), It.IsAny<Person>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new DocumentStoreException(DocumentStoreError.Unavailable, "provider-views is down"));
        var handler = new RegisterParticipantHandler(
            host.Get<Ecf.Application.ReferenceData.IReferenceData>(), host.Get<Ecf.Application.Schools.SchoolDocuments>(), host.Get<PartnershipDocuments>(),
            host.Get<PersonDocuments>(), host.Clock, [failingViews.Object], host.Get<AfterCommit>(), host.Get<Ecf.Application.Archive.ArchiveDocuments>());

        var result = await handler.HandleAsync(Command(Ect("1234567", "100001", provider.Id, partner.Id)));
        var viewBefore = await host.Store.GetContainer(EcfContainers.ProviderViews).ReadAsync(ProviderViewKinds.Partition(provider.Id), ProviderViewKinds.ParticipantId(result.Value.ParticipantId));
        await host.Get<ProviderViewProjector>().RunOnceAsync();
        var viewAfter = await host.Store.GetContainer(EcfContainers.ProviderViews).ReadAsync(ProviderViewKinds.Partition(provider.Id), ProviderViewKinds.ParticipantId(result.Value.ParticipantId));

        Assert.True(result.IsSuccess, result.Error?.Detail);
        Assert.Equal(RegistrationOutcome.Created, result.Value.Outcome);
        Assert.NotNull(await host.Get<PersonDocuments>().ReadAsync(result.Value.ParticipantId));
        Assert.Null(viewBefore);
        Assert.NotNull(viewAfter);
    }

    private Task<Ecf.Application.Errors.Result<RegistrationResult>> RegisterAsync(RegistrationRequest request) =>
        _host.Get<RegisterParticipantHandler>().HandleAsync(Command(request));

    private static RegisterParticipantCommand Command(RegistrationRequest request) => new(request, new Actor(ActorTypes.SchoolService, "t"), "corr");

    private static RegistrationRequest Ect(string trn, string urn, Guid? provider, Guid? partner) => new(
        ParticipationTypes.Ect, trn, "Ada Lovelace", "1990-01-31", "ada@example.org", urn, "2025-09-01", TrainingProgrammes.ProviderLed,
        provider?.ToString(), partner?.ToString(), null);

    private static RegistrationRequest Mentor(string trn, string urn, Guid? provider, Guid? partner) =>
        Ect(trn, urn, provider, partner) with { ParticipationType = ParticipationTypes.Mentor, InductionStartDate = null, FullName = "Grace Hopper" };

}
