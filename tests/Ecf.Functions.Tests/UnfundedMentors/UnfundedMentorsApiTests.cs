using System.Net;
using Ecf.Application.ProviderViews;
using Ecf.Application.ReferenceData;
using Ecf.Application.Storage;
using Ecf.Domain.People;
using Ecf.Functions.Tests.Infrastructure;
using Ecf.Storage;

namespace Ecf.Functions.Tests.UnfundedMentors;

/// <summary>The v3 unfunded-mentor endpoints through the real pipeline; views written by the real writer.</summary>
public sealed class UnfundedMentorsApiTests : IAsyncLifetime
{
    private const string Ambition = "Ambition Institute";
    private const string BestPractice = "Best Practice Network";

    private readonly EcfAppFactory _factory = new();

    private Guid _ambition;
    private Guid _bestPractice;

    public async Task InitializeAsync()
    {
        _factory.Settings["ProviderViews:ProjectorEnabled"] = "false";
        using var client = _factory.CreateClient();
        var reference = await _factory.Services.GetRequiredService<IReferenceData>().GetSnapshotAsync();
        _ambition = reference.FindLeadProviderByName(Ambition)!.Id;
        _bestPractice = reference.FindLeadProviderByName(BestPractice)!.Id;
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task List_MentorOfAnEctNotTrainedByTheProvider_ListedForThatProviderOnly()
    {
        var mentor = await CommitAsync(Mentor(_bestPractice));
        await CommitAsync(Ect(_ambition, mentor));
        var ambition = await _factory.CreateClientWithTokenAsync("lead_provider", Ambition);
        var bestPractice = await _factory.CreateClientWithTokenAsync("lead_provider", BestPractice);

        var mine = await HttpAssert.JsonAsync(await ambition.GetAsync("/api/v3/unfunded-mentors/ecf"), HttpStatusCode.OK);
        var theirs = await HttpAssert.JsonAsync(await bestPractice.GetAsync("/api/v3/unfunded-mentors/ecf"), HttpStatusCode.OK);
        var single = await HttpAssert.JsonAsync(await ambition.GetAsync($"/api/v3/unfunded-mentors/ecf/{mentor.PersonId}"), HttpStatusCode.OK);

        var item = Assert.Single(mine.GetProperty("data").EnumerateArray());
        Assert.Equal(mentor.PersonId, item.GetProperty("id").GetString());
        Assert.Equal("unfunded-mentor", item.GetProperty("type").GetString());
        Assert.Equal("Mentor One", item.GetProperty("attributes").GetProperty("full_name").GetString());
        Assert.Empty(theirs.GetProperty("data").EnumerateArray());
        Assert.Equal(mentor.PersonId, single.GetProperty("data").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await bestPractice.GetAsync($"/api/v3/unfunded-mentors/ecf/{mentor.PersonId}")).StatusCode);
    }

    [Fact]
    public async Task List_MentorThenTrainsWithTheProvider_NoLongerListed()
    {
        var mentor = await CommitAsync(Mentor(null));
        await CommitAsync(Ect(_ambition, mentor));
        var client = await _factory.CreateClientWithTokenAsync("lead_provider", Ambition);
        var before = await HttpAssert.JsonAsync(await client.GetAsync("/api/v3/unfunded-mentors/ecf"), HttpStatusCode.OK);

        var trained = Mentor(_ambition, mentor.PersonId) with { TimelineSequence = mentor.TimelineSequence + 1, UpdatedAt = mentor.UpdatedAt.AddMinutes(1) };
        await CommitAsync(trained, mentor);

        var after = await HttpAssert.JsonAsync(await client.GetAsync("/api/v3/unfunded-mentors/ecf"), HttpStatusCode.OK);
        Assert.Single(before.GetProperty("data").EnumerateArray());
        Assert.Empty(after.GetProperty("data").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v3/unfunded-mentors/ecf/{mentor.PersonId}")).StatusCode);
    }

    [Fact]
    public async Task List_UpdatedSinceAfterTheView_ReturnsNothing()
    {
        var mentor = await CommitAsync(Mentor(null));
        await CommitAsync(Ect(_ambition, mentor));
        var client = await _factory.CreateClientWithTokenAsync("lead_provider", Ambition);

        var early = await HttpAssert.JsonAsync(await client.GetAsync("/api/v3/unfunded-mentors/ecf?filter[updated_since]=2025-09-01T00:00:00Z"), HttpStatusCode.OK);
        var late = await HttpAssert.JsonAsync(await client.GetAsync("/api/v3/unfunded-mentors/ecf?filter[updated_since]=2025-10-01T00:00:00Z"), HttpStatusCode.OK);

        Assert.Single(early.GetProperty("data").EnumerateArray());
        Assert.Empty(late.GetProperty("data").EnumerateArray());
    }

    private async Task<Person> CommitAsync(Person person, Person? before = null)
    {
        var store = _factory.Services.GetRequiredService<IDocumentStore>();
        await store.GetContainer(EcfContainers.People).UpsertAsync(person.PersonId, person.Id, person);
        await _factory.Services.GetRequiredService<IProviderViewWriter>().WriteAsync(before, person);
        return person;
    }

    private static Person Mentor(Guid? provider, string? personId = null)
    {
        var id = personId ?? Guid.NewGuid().ToString("D");
        var at = new DateTimeOffset(2025, 9, 1, 8, 0, 0, TimeSpan.Zero);
        var from = new DateOnly(2025, 9, 1);
        return new Person
        {
            Id = id,
            PersonId = id,
            Trn = "3000001",
            FullName = "Mentor One",
            Emails = [new PersonEmail("mentor@example.org", EmailSources.SchoolRegistration, at, null, true)],
            Participations =
            [
                new Participation
                {
                    TrainingRecordId = "m-" + id,
                    Type = ParticipationTypes.Mentor,
                    CreatedAt = at,
                    AtSchoolPeriods = [new AtSchoolPeriod("s1", "school-1", 100001, from, null)],
                    TrainingPeriods = provider is { } lead
                        ?
                        [
                            new TrainingPeriod
                            {
                                Id = "t1", AtSchoolPeriodId = "s1", TrainingProgramme = TrainingProgrammes.ProviderLed, LeadProviderId = lead,
                                ScheduleIdentifier = "ecf-standard-september", Cohort = 2025, ContractYear = 2025, From = from,
                            },
                        ]
                        : [],
                    Statuses = new ParticipationStatuses(TrainingStatuses.Active, ParticipantStatuses.Active, null, from),
                },
            ],
            TimelineSequence = 1,
            CreatedAt = at,
            UpdatedAt = at,
        };
    }

    private static Person Ect(Guid provider, Person mentor)
    {
        var id = Guid.NewGuid().ToString("D");
        var record = Guid.NewGuid().ToString("D");
        var at = new DateTimeOffset(2025, 9, 1, 8, 0, 0, TimeSpan.Zero);
        var from = new DateOnly(2025, 9, 1);
        return new Person
        {
            Id = id,
            PersonId = id,
            Trn = "2000001",
            FullName = "Participant One",
            Emails = [new PersonEmail("p1@example.org", EmailSources.SchoolRegistration, at, null, true)],
            Participations =
            [
                new Participation
                {
                    TrainingRecordId = record,
                    Type = ParticipationTypes.Ect,
                    CreatedAt = at,
                    AtSchoolPeriods = [new AtSchoolPeriod("s1", "school-1", 100001, from, null)],
                    TrainingPeriods =
                    [
                        new TrainingPeriod
                        {
                            Id = "t1", AtSchoolPeriodId = "s1", TrainingProgramme = TrainingProgrammes.ProviderLed, LeadProviderId = provider,
                            ScheduleIdentifier = "ecf-standard-september", Cohort = 2025, ContractYear = 2025, From = from,
                        },
                    ],
                    MentorshipPeriods = [new MentorshipPeriod("ms1", mentor.PersonId, mentor.Participations[0].TrainingRecordId, from, null)],
                    Statuses = new ParticipationStatuses(TrainingStatuses.Active, ParticipantStatuses.Active, null, from),
                },
            ],
            TimelineSequence = 1,
            CreatedAt = at,
            UpdatedAt = at,
        };
    }
}
