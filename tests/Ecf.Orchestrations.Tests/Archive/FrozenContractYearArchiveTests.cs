using Ecf.Application.Archive;
using Ecf.Application.Storage;
using Ecf.Domain.Declarations;
using Ecf.Domain.People;
using Ecf.Orchestrations.Archive;
using Ecf.TestKit;
using Microsoft.DurableTask.Client;

namespace Ecf.Orchestrations.Tests.Archive;

/// <summary>
/// Archiving the undeclared participants of a payments-frozen contract year through the durable runtime, on the real embedded
/// store, with registrations and provider views: the dry run, the real run, a second run and a re-registration of an archived TRN.
/// </summary>
public sealed class FrozenContractYearArchiveTests
{
    private static readonly DateTimeOffset Registered2022 = new(2022, 10, 15, 9, 0, 0, TimeSpan.Zero);
    private const string AfterFreezing = "2025-10-15T09:00:00Z";

    /// <summary>
    /// 2022's people: an ECT registered in October 2022 with an induction start in June 2021 and a submitted declaration, an
    /// undeclared mentor (both archivable), one person per refusing condition, and a 2025 ECT. Registered at the 2022 date, then the
    /// clock is moved past 2022's freeze.
    /// </summary>
    private static async Task<Seeded> SeedAsync(ArchiveHarness harness, string now = AfterFreezing)
    {
        await harness.AddSchoolAsync(100001);
        var (provider, partner) = harness.ProviderWithPartner(2022);
        var registered = await harness.RegisterEctAsync("1000001", 100001, "2021-06-01", provider.Id, partner.Id);
        var ect = await harness.ChangeAsync(registered.ParticipantId, p => p.Declared(provider.Id, state: DeclarationStates.Submitted));
        var mentor = await harness.AddAsync(TestPeople.Participant(ParticipationTypes.Mentor, provider.Id, cohort: 2022, trn: "1000002"));

        var skipped = new Dictionary<string, string>
        {
            ["eligible declaration"] = (await harness.AddAsync(TestPeople.Participant(ParticipationTypes.Ect, provider.Id, cohort: 2022, trn: "2000001").Declared(provider.Id, state: DeclarationStates.Eligible))).PersonId,
            ["induction completed"] = (await harness.AddAsync(WithInduction(TestPeople.Participant(ParticipationTypes.Ect, provider.Id, cohort: 2022, trn: "2000002"), new DateOnly(2021, 6, 1), new DateOnly(2023, 7, 1)))).PersonId,
            ["induction started 1 September 2021"] = (await harness.AddAsync(WithInduction(TestPeople.Participant(ParticipationTypes.Ect, provider.Id, cohort: 2022, trn: "2000003"), new DateOnly(2021, 9, 1), null))).PersonId,
            ["school-led"] = (await harness.AddAsync(SchoolLed(TestPeople.Participant(ParticipationTypes.Ect, provider.Id, cohort: 2022, trn: "2000004")))).PersonId,
            ["mentor completed"] = (await harness.AddAsync(TestPeople.Participant(ParticipationTypes.Mentor, provider.Id, cohort: 2022, trn: "2000005").Declared(provider.Id, declarationType: "completed"))).PersonId,
            ["mentor of an ECT"] = (await harness.AddAsync(TestPeople.Participant(ParticipationTypes.Mentor, provider.Id, cohort: 2022, trn: "2000006"))).PersonId,
            ["also a mentor in 2025"] = (await harness.AddAsync(WithMentorIn2025(TestPeople.Participant(ParticipationTypes.Ect, provider.Id, cohort: 2022, trn: "2000007"), provider.Id))).PersonId,
        };
        var mentee = await harness.AddAsync(TestPeople.Participant(ParticipationTypes.Ect, provider.Id, cohort: 2025, trn: "3000001")
            .WithMentor((await harness.People.ReadAsync(skipped["mentor of an ECT"]))!.Person));
        harness.SetNow(now);
        return new Seeded(provider.Id, ect, mentor, skipped, mentee);
    }

    [Fact]
    public async Task FrozenContractYearArchive_DryRun_ListsTheCandidatesAndChangesNothing()
    {
        // Arrange
        await using var harness = await ArchiveHarness.StartAsync(Registered2022);
        var seeded = await SeedAsync(harness);
        var people = await harness.CountAsync(EcfContainers.People);
        var views = await harness.CountAsync(EcfContainers.ProviderViews);

        // Act: no dry_run given, so a dry run.
        var run = await harness.RunAsync(new FrozenContractYearArchiveInput { ContractYear = 2022 });

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        var output = run.ReadOutputAs<FrozenContractYearArchiveOutput>()!;
        Assert.True(output.DryRun);
        Assert.Equal((9, 0, 2, 7), (output.Examined, output.Archived, output.WouldArchive, output.Skipped));
        Assert.Equal(new[] { seeded.Ect.PersonId, seeded.Mentor.PersonId }.Order(), output.PersonIds.Order());
        var ect = output.Candidates.Single(c => c.PersonId == seeded.Ect.PersonId);
        Assert.Equal([seeded.Ect.Participations[0].TrainingRecordId], ect.TrainingRecordIds);
        Assert.Equal("undeclared participants in frozen contract year", ect.Reason);
        Assert.Equal(seeded.Skipped.Values.Order(), output.SkippedPeople.Select(s => s.PersonId).Order());
        Assert.Equal(people, await harness.CountAsync(EcfContainers.People));
        Assert.Equal(views, await harness.CountAsync(EcfContainers.ProviderViews));
        Assert.Equal(0, await harness.CountAsync(EcfContainers.Archive));
        Assert.NotNull(await harness.GetParticipantAsync(seeded.Provider, seeded.Ect.PersonId));
        Assert.Equal(seeded.Ect.PersonId, await harness.TrnHolderAsync("1000001"));
    }

    [Fact]
    public async Task FrozenContractYearArchive_RealRun_ArchivesTheCandidatesWholeHidesThemAndKeepsTheOthers()
    {
        // Arrange
        await using var harness = await ArchiveHarness.StartAsync(Registered2022);
        var seeded = await SeedAsync(harness);
        var timeline = await harness.People.ReadTimelineAsync(seeded.Ect.PersonId);
        var declarationId = seeded.Ect.Participations[0].Declarations[0].Id;
        var visibleBefore = await harness.DeclarationVisibleAsync(seeded.Provider, declarationId);

        // Act: one person a page, two pages a generation, so the run pages through its own removals and continues as new.
        var run = await harness.RunAsync(new FrozenContractYearArchiveInput { ContractYear = 2022, DryRun = false, PageSize = 1, BatchesPerGeneration = 2 });

        // Assert: the output
        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        var output = run.ReadOutputAs<FrozenContractYearArchiveOutput>()!;
        Assert.False(output.DryRun);
        Assert.Equal((9, 2, 0, 7), (output.Examined, output.Archived, output.WouldArchive, output.Skipped));
        Assert.Equal(new[] { seeded.Ect.PersonId, seeded.Mentor.PersonId }.Order(), output.PersonIds.Order());
        Assert.Contains(output.SkippedPeople, s => s.PersonId == seeded.Skipped["mentor of an ECT"] && s.Reason.EndsWith("it has mentored an ECT", StringComparison.Ordinal));
        Assert.Contains(output.SkippedPeople, s => s.PersonId == seeded.Skipped["also a mentor in 2025"] && s.Reason.StartsWith("mentor ", StringComparison.Ordinal));

        // the archive document holds the whole record
        var archived = (await harness.ReadArchiveAsync(seeded.Ect.PersonId))!;
        Assert.Equal("undeclared participants in frozen contract year", archived.Reason);
        Assert.Equal((2022, run.InstanceId), (archived.ContractYear, archived.InstanceId));
        Assert.Equal(DateTimeOffset.Parse(AfterFreezing, System.Globalization.CultureInfo.InvariantCulture), archived.ArchivedAt);
        Assert.Equal(Ecf.Storage.DocumentJson.Serialize(seeded.Ect), Ecf.Storage.DocumentJson.Serialize(archived.Person));
        Assert.Equal(timeline.Select(e => e.Id), archived.Timeline.Select(e => e.Id));
        Assert.NotEmpty(archived.Timeline);
        Assert.NotNull(await harness.ReadArchiveAsync(seeded.Mentor.PersonId));

        // removed from people, with the timeline and the TRN reservation
        Assert.Null(await harness.People.ReadAsync(seeded.Ect.PersonId));
        Assert.Empty(await harness.People.ReadTimelineAsync(seeded.Ect.PersonId));
        Assert.Null(await harness.People.ReadAsync(seeded.Mentor.PersonId));
        Assert.Null(await harness.TrnHolderAsync("1000001"));
        Assert.Null(await harness.TrnHolderAsync("1000002"));

        // hidden from the provider
        Assert.True(visibleBefore);
        Assert.Null(await harness.GetParticipantAsync(seeded.Provider, seeded.Ect.PersonId));
        Assert.Null(await harness.GetParticipantAsync(seeded.Provider, seeded.Mentor.PersonId));
        Assert.False(await harness.DeclarationVisibleAsync(seeded.Provider, declarationId));
        var listed = await harness.ListedIdsAsync(seeded.Provider);
        Assert.DoesNotContain(seeded.Ect.PersonId, listed);
        Assert.DoesNotContain(seeded.Mentor.PersonId, listed);

        // the others stay, each with its views (the provider does not see school-led training)
        foreach (var (because, id) in seeded.Skipped)
        {
            Assert.True(await harness.People.ReadAsync(id) is not null, because);
            Assert.Null(await harness.ReadArchiveAsync(id));
            Assert.Equal(because != "school-led", listed.Contains(id));
        }

        Assert.NotNull(await harness.People.ReadAsync(seeded.Mentee.PersonId));
        Assert.Equal(2, await harness.CountAsync(EcfContainers.Archive));
    }

    [Fact]
    public async Task FrozenContractYearArchive_SecondRun_ArchivesNobodyNewAndChangesNothing()
    {
        // Arrange
        await using var harness = await ArchiveHarness.StartAsync(Registered2022);
        var seeded = await SeedAsync(harness);
        var first = await harness.RunAsync(new FrozenContractYearArchiveInput { ContractYear = 2022, DryRun = false });
        var people = await harness.CountAsync(EcfContainers.People);
        var views = await harness.CountAsync(EcfContainers.ProviderViews);
        var archive = await harness.ReadArchiveAsync(seeded.Ect.PersonId);

        // Act
        var second = await harness.RunAsync(new FrozenContractYearArchiveInput { ContractYear = 2022, DryRun = false });

        // Assert
        Assert.Equal(2, first.ReadOutputAs<FrozenContractYearArchiveOutput>()!.Archived);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, second.RuntimeStatus);
        var output = second.ReadOutputAs<FrozenContractYearArchiveOutput>()!;
        Assert.Equal((7, 0, 7), (output.Examined, output.Archived, output.Skipped));
        Assert.Empty(output.PersonIds);
        Assert.Equal(2, output.Finished);
        Assert.Equal(people, await harness.CountAsync(EcfContainers.People));
        Assert.Equal(views, await harness.CountAsync(EcfContainers.ProviderViews));
        Assert.Equal(first.InstanceId, (await harness.ReadArchiveAsync(seeded.Ect.PersonId))!.InstanceId);
        Assert.Equal(archive!.ArchivedAt, (await harness.ReadArchiveAsync(seeded.Ect.PersonId))!.ArchivedAt);
    }

    [Fact]
    public async Task FrozenContractYearArchive_ArchivedTrnRegisteredAgain_NewParticipantIdThatListsTheArchivedOne()
    {
        // Arrange
        await using var harness = await ArchiveHarness.StartAsync(Registered2022);
        var seeded = await SeedAsync(harness);
        await harness.RunAsync(new FrozenContractYearArchiveInput { ContractYear = 2022, DryRun = false });
        var (provider, partner) = harness.ProviderWithPartner(2025);

        // Act
        var again = await harness.RegisterEctAsync("1000001", 100001, "2025-09-01", provider.Id, partner.Id);

        // Assert
        Assert.NotEqual(seeded.Ect.PersonId, again.ParticipantId);
        Assert.Equal(again.ParticipantId, await harness.TrnHolderAsync("1000001"));
        var person = (await harness.People.ReadAsync(again.ParticipantId))!.Person;
        var change = Assert.Single(person.ParticipantIdChanges);
        Assert.Equal((seeded.Ect.PersonId, again.ParticipantId), (change.FromParticipantId, change.ToParticipantId));
        var resource = (await harness.GetParticipantAsync(provider.Id, again.ParticipantId))!.Value;
        var changes = resource.GetProperty("attributes").GetProperty("participant_id_changes");
        Assert.Equal(seeded.Ect.PersonId, Assert.Single(changes.EnumerateArray()).GetProperty("from_participant_id").GetString());
        Assert.Equal(again.ParticipantId, changes[0].GetProperty("to_participant_id").GetString());
        Assert.Null(await harness.GetParticipantAsync(seeded.Provider, seeded.Ect.PersonId));
    }

    [Fact]
    public async Task FrozenContractYearArchive_EarlierRunStoppedRightAfterRemovingAPerson_ReRunReleasesItsTrn()
    {
        // Arrange: the steps up to the removal done, then the run stopped (the TRN still reserved, no archived-TRN record).
        await using var harness = await ArchiveHarness.StartAsync(Registered2022);
        var seeded = await SeedAsync(harness);
        await harness.StopAfterRemovalAsync(seeded.Ect.PersonId, "earlier-run");
        var reservedBefore = await harness.TrnHolderAsync("1000001");

        // Act
        var run = await harness.RunAsync(new FrozenContractYearArchiveInput { ContractYear = 2022, DryRun = false });

        // Assert
        Assert.Equal(seeded.Ect.PersonId, reservedBefore);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        var output = run.ReadOutputAs<FrozenContractYearArchiveOutput>()!;
        Assert.Equal([seeded.Mentor.PersonId], output.PersonIds);
        Assert.Equal(2, output.Finished);
        Assert.Null(await harness.TrnHolderAsync("1000001"));
        Assert.Equal(seeded.Ect.PersonId, (await harness.Host.Get<ArchiveDocuments>().FindArchivedTrnAsync("1000001"))!.PersonId);
        Assert.Equal("earlier-run", (await harness.ReadArchiveAsync(seeded.Ect.PersonId))!.InstanceId);
    }

    [Fact]
    public async Task Registration_TrnStillReservedForAnArchivedPerson_ReleasesItAndMakesANewPersonLinkedToIt()
    {
        // Arrange: a run stopped right after removing the person, and nobody ran it again.
        await using var harness = await ArchiveHarness.StartAsync(Registered2022);
        var seeded = await SeedAsync(harness);
        await harness.StopAfterRemovalAsync(seeded.Ect.PersonId, "stopped-run");
        var (provider, partner) = harness.ProviderWithPartner(2025);

        // Act
        var again = await harness.RegisterEctAsync("1000001", 100001, "2025-09-01", provider.Id, partner.Id);

        // Assert
        Assert.NotEqual(seeded.Ect.PersonId, again.ParticipantId);
        Assert.Equal(again.ParticipantId, await harness.TrnHolderAsync("1000001"));
        var change = Assert.Single((await harness.People.ReadAsync(again.ParticipantId))!.Person.ParticipantIdChanges);
        Assert.Equal((seeded.Ect.PersonId, again.ParticipantId), (change.FromParticipantId, change.ToParticipantId));
    }

    [Theory]
    [InlineData(2023, "contract_year 2023 is not frozen")]
    [InlineData(2030, "contract_year 2030 is not a known contract year")]
    public async Task FrozenContractYearArchive_YearNotFrozenOrUnknown_FailsBeforeAnyWrite(int year, string message)
    {
        // Arrange
        await using var harness = await ArchiveHarness.StartAsync(Registered2022);
        await SeedAsync(harness);
        var people = await harness.CountAsync(EcfContainers.People);

        // Act
        var run = await harness.RunAsync(new FrozenContractYearArchiveInput { ContractYear = year, DryRun = false });

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Failed, run.RuntimeStatus);
        Assert.Contains(message, run.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(people, await harness.CountAsync(EcfContainers.People));
        Assert.Equal(0, await harness.CountAsync(EcfContainers.Archive));
    }

    [Fact]
    public async Task FrozenContractYearArchive_2022BeforeItFroze_FailsNamingWhenItFreezes()
    {
        // Arrange
        await using var harness = await ArchiveHarness.StartAsync(Registered2022);
        await SeedAsync(harness, now: "2025-06-01T09:00:00Z");

        // Act
        var run = await harness.RunAsync(new FrozenContractYearArchiveInput { ContractYear = 2022, DryRun = false });

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Failed, run.RuntimeStatus);
        Assert.Contains("contract_year 2022 is not frozen yet: its payments freeze at 2025-06-16", run.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, await harness.CountAsync(EcfContainers.Archive));
    }

    [Fact]
    public async Task FrozenContractYearArchive_NoContractYear_FailsSayingItIsRequired()
    {
        await using var harness = await ArchiveHarness.StartAsync(Registered2022);

        var run = await harness.RunAsync(new FrozenContractYearArchiveInput { DryRun = true });

        Assert.Equal(OrchestrationRuntimeStatus.Failed, run.RuntimeStatus);
        Assert.Contains("contract_year is required", run.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }

    private static Person WithInduction(Person person, DateOnly started, DateOnly? finished) => person with
    {
        Participations = [person.Participations[0] with { InductionPeriods = [new InductionPeriod(person.Participations[0].TrainingRecordId + ":induction:1", started, finished, finished is null ? null : "pass")] }],
    };

    private static Person SchoolLed(Person person) => person with
    {
        Participations =
        [
            person.Participations[0] with
            {
                TrainingPeriods = [person.Participations[0].TrainingPeriods[0] with { TrainingProgramme = TrainingProgrammes.SchoolLed, LeadProviderId = null, DeliveryPartnerId = null, ScheduleIdentifier = null }],
            },
        ],
    };

    /// <summary>The ECT also mentors, trained as a mentor in 2025.</summary>
    private static Person WithMentorIn2025(Person person, Guid provider)
    {
        var mentoring = TestPeople.Participant(ParticipationTypes.Mentor, provider, cohort: 2025, personId: person.PersonId, trn: person.Trn!).Participations[0];
        return person with { Participations = [person.Participations[0], mentoring] };
    }

    private sealed record Seeded(Guid Provider, Person Ect, Person Mentor, IReadOnlyDictionary<string, string> Skipped, Person Mentee);
}
